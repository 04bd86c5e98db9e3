/**
 * Where a person stands on each lesson in their list, from the phone's own
 * copy: passed (with the best score), failed (the quiz can be retaken
 * without the cards), in progress, or new; and, for a lesson required of
 * them, the date and whether it has passed. A lesson passed counts as done
 * whatever its date. The list puts required lessons not yet passed first,
 * the overdue and soonest due at the top.
 */
import type { LessonStanding } from './lesson-steps';

export type LessonAction = 'start' | 'continue' | 'retake_quiz' | 'again';

/** What the row's main button does: a failed lesson goes straight back to the quiz. */
export function lessonAction(standing: LessonStanding): LessonAction {
  switch (standing.kind) {
    case 'not_started':
      return 'start';
    case 'in_progress':
      return 'continue';
    case 'tried':
      return 'retake_quiz';
    case 'passed':
      return 'again';
  }
}

export type Requirement =
  | { kind: 'none' }
  /** Passed: the date no longer asks anything of this person. */
  | { kind: 'done'; dueOn: string }
  | { kind: 'due'; dueOn: string; daysLeft: number }
  | { kind: 'overdue'; dueOn: string; daysLate: number };

const DAY_MS = 86_400_000;

/** Whole days from one calendar day (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * requiredBy: the last day to pass it (YYYY-MM-DD), null when not required;
 * today: the person's calendar day in their store's time zone. Due on the
 * day itself; overdue from the day after, as the server's report counts.
 */
export function lessonRequirement(requiredBy: string | null | undefined, standing: LessonStanding, today: string): Requirement {
  if (!requiredBy) return { kind: 'none' };
  if (standing.kind === 'passed') return { kind: 'done', dueOn: requiredBy };
  const left = daysBetween(today, requiredBy);
  return left < 0 ? { kind: 'overdue', dueOn: requiredBy, daysLate: -left } : { kind: 'due', dueOn: requiredBy, daysLeft: left };
}

/** Required and not passed first (earliest date first), then the rest in their given order. */
export function orderForList<T extends { requirement: Requirement }>(items: readonly T[]): T[] {
  const open = (r: Requirement) => r.kind === 'due' || r.kind === 'overdue';
  const required = items.filter((item) => open(item.requirement));
  const rest = items.filter((item) => !open(item.requirement));
  const due = (r: Requirement) => (r.kind === 'due' || r.kind === 'overdue' ? r.dueOn : '');
  return [...required.sort((a, b) => due(a.requirement).localeCompare(due(b.requirement))), ...rest];
}

export type OpenRequirement = Extract<Requirement, { kind: 'due' | 'overdue' }>;

/**
 * Today's card: the lessons still asked of this person, the most pressing
 * first (the earliest date, so the longest overdue leads), at most `limit`
 * of them and how many more there are.
 */
export function pressingRequirements<T extends { requirement: Requirement }>(
  items: readonly T[],
  limit: number,
): { shown: Array<T & { requirement: OpenRequirement }>; more: number } {
  const open = orderForList(items).filter(
    (item): item is T & { requirement: OpenRequirement } => item.requirement.kind === 'due' || item.requirement.kind === 'overdue',
  );
  return { shown: open.slice(0, limit), more: Math.max(0, open.length - limit) };
}
