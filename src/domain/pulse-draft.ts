/**
 * A pulse HR is writing: the checks save_pulse makes, made first on the
 * device so the form can say what to fix. Times come from datetime-local
 * fields, in the device's own time zone.
 */
import { LIMITS } from './limits';
import type { PulseScale } from './pulse-selection';

export interface PulseDraft {
  question: string;
  scale: PulseScale;
  allowComment: boolean;
  storeIds: string[];
  departmentIds: string[];
  roles: Array<'staff' | 'manager' | 'hr' | 'admin'>;
  /** datetime-local text; empty = opens now. */
  opensAt: string;
  /** datetime-local text. */
  closesAt: string;
}

export type PulseDraftProblem = 'question' | 'closes';

/** "2026-11-29T09:00", a week from `now` on the hour, in the device's zone: the default closing time. */
export function defaultClosesAt(now: Date): string {
  const d = new Date(now.getTime() + 7 * 24 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:00`;
}

export function emptyPulseDraft(now: Date): PulseDraft {
  return { question: '', scale: 'nps_0_10', allowComment: true, storeIds: [], departmentIds: [], roles: [], opensAt: '', closesAt: defaultClosesAt(now) };
}

/** A datetime-local value as an ISO instant, or null when empty or not a time. */
export function localTimeToIso(value: string): string | null {
  if (!value) return null;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function pulseDraftProblems(draft: PulseDraft, now: Date): PulseDraftProblem[] {
  const problems: PulseDraftProblem[] = [];
  const length = draft.question.trim().length;
  if (length === 0 || length > LIMITS.pulseQuestion) problems.push('question');
  const closes = localTimeToIso(draft.closesAt);
  const opens = localTimeToIso(draft.opensAt) ?? now.toISOString();
  if (!closes || Date.parse(closes) <= now.getTime() || closes <= opens) problems.push('closes');
  return problems;
}
