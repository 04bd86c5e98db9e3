/**
 * A lesson as a row of steps: its content cards first, then one step per quiz
 * question. The phone keeps the step number and the answers given so far
 * (LessonProgress), so a lesson reopened later resumes exactly where it was.
 * A question with an answer has been checked: its feedback is what shows.
 */
import type { QuizQuestionLike } from './quiz';

export interface LessonShape<Q extends QuizQuestionLike = QuizQuestionLike> {
  version: number;
  cards: readonly unknown[];
  quiz: readonly Q[];
}

export type LessonStep<Q> = { kind: 'card'; index: number } | { kind: 'question'; index: number; question: Q } | { kind: 'finish' };

export function stepCount(lesson: LessonShape): number {
  return lesson.cards.length + lesson.quiz.length;
}

/** What sits at a step; past the last question is "finish" (score it). */
export function stepAt<Q extends QuizQuestionLike>(lesson: LessonShape<Q>, step: number): LessonStep<Q> {
  if (step < lesson.cards.length) return { kind: 'card', index: Math.max(0, step) };
  const index = step - lesson.cards.length;
  const question = lesson.quiz[index];
  return question ? { kind: 'question', index, question } : { kind: 'finish' };
}

export interface SavedProgress {
  lesson_version: number;
  step: number;
  answers: Readonly<Record<string, readonly string[]>>;
}

/**
 * Where to resume: the saved step and answers when they belong to this
 * version of the lesson; otherwise the start, since a changed lesson may have
 * other questions behind the same step number.
 */
export function resumePoint(lesson: LessonShape, saved: SavedProgress | undefined): { step: number; answers: Record<string, string[]> } {
  if (!saved || saved.lesson_version !== lesson.version) return { step: 0, answers: {} };
  const ids = new Set(lesson.quiz.map((q) => q.id));
  const answers = Object.fromEntries(
    Object.entries(saved.answers)
      .filter(([id]) => ids.has(id))
      .map(([id, a]) => [id, [...a]]),
  );
  return { step: Math.min(Math.max(0, saved.step), stepCount(lesson)), answers };
}

export type LessonStanding = { kind: 'not_started' } | { kind: 'in_progress' } | { kind: 'passed'; best: number } | { kind: 'tried'; best: number };

/** What the list says about a lesson: passed (on any version) first, then in progress, then the best score. */
export function lessonStanding(attempts: readonly { percent: number; passed: boolean }[], inProgress: boolean): LessonStanding {
  const best = attempts.reduce((max, a) => Math.max(max, a.percent), -1);
  if (attempts.some((a) => a.passed)) return { kind: 'passed', best };
  if (inProgress) return { kind: 'in_progress' };
  return best >= 0 ? { kind: 'tried', best } : { kind: 'not_started' };
}
