/**
 * Spaced review with Leitner boxes. Every quiz question a person has answered
 * sits in a box from 1 to 5; the box sets how long until it is asked again
 * (1, 3, 7, 14, then 30 days). A right answer moves the question up one box,
 * so it comes back later each time; a wrong answer sends it back to box 1, so
 * it comes back tomorrow. Leitner over SM-2 because it needs no self-rated
 * "ease" (staff just answer), its schedule is easy to explain on screen, and
 * five fixed intervals are easy to test.
 *
 * A review session is a handful of due questions, oldest due first, so it
 * takes under a minute.
 */
export const BOX_INTERVAL_DAYS = [1, 3, 7, 14, 30] as const;
export const TOP_BOX = BOX_INTERVAL_DAYS.length;
export const REVIEW_SESSION_SIZE = 5;

const DAY_MS = 86_400_000;

export interface ReviewItem {
  /** `${lesson_id}:${question_id}`: which question this is, across lesson versions. */
  key: string;
  lesson_id: string;
  question_id: string;
  /** 1..TOP_BOX */
  box: number;
  due_at: string;
  last_answered_at: string;
}

export function reviewKey(lessonId: string, questionId: string): string {
  return `${lessonId}:${questionId}`;
}

/** Where a question goes after an answer (a question seen for the first time starts as if in box 1). */
export function scheduleAnswer(
  previous: ReviewItem | undefined,
  question: { lesson_id: string; question_id: string },
  correct: boolean,
  now: Date,
): ReviewItem {
  const box = correct ? Math.min((previous?.box ?? 1) + 1, TOP_BOX) : 1;
  return {
    key: reviewKey(question.lesson_id, question.question_id),
    lesson_id: question.lesson_id,
    question_id: question.question_id,
    box,
    due_at: new Date(now.getTime() + BOX_INTERVAL_DAYS[box - 1]! * DAY_MS).toISOString(),
    last_answered_at: now.toISOString(),
  };
}

/** The questions due now, most overdue first (then lowest box), at most `limit`. */
export function dueForReview<T extends ReviewItem>(items: readonly T[], now: Date, limit: number = REVIEW_SESSION_SIZE): T[] {
  const t = now.getTime();
  return items
    .filter((item) => Date.parse(item.due_at) <= t)
    .sort((a, b) => Date.parse(a.due_at) - Date.parse(b.due_at) || a.box - b.box || a.key.localeCompare(b.key))
    .slice(0, limit);
}
