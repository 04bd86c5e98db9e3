/**
 * Learning on the phone: a lesson's progress is kept at every step (so an
 * attempt half-way through survives closing the app), a finished attempt is
 * scored here at once and queued for the server (which scores it again
 * against the same version), and every answered question is rescheduled for
 * spaced review. Progress and review stay on this phone.
 */
import { isAnswerCorrect, type QuizScore, scoreQuiz } from '../../domain/quiz';
import { reviewKey, scheduleAnswer } from '../../domain/spaced-review';
import { type CommandContext, type CommandFailure, commit, commitLocal, invalid, type LocalResult, outboxEntry } from '../command-core';
import type { LessonProgress } from '../db';
import { type Lesson, LessonAttemptPayload } from '../supabase/types';

export function saveLessonProgress(ctx: CommandContext, progress: LessonProgress): Promise<LocalResult> {
  return commitLocal(ctx, () => ctx.db.lessonProgress.put({ ...progress, updated_at: ctx.now().toISOString() }));
}

export function discardLessonProgress(ctx: CommandContext, lessonId: string): Promise<LocalResult> {
  return commitLocal(ctx, () => ctx.db.lessonProgress.delete(lessonId));
}

export type AttemptProblem = 'answers_required';
export type AttemptResult = { ok: true; id: string; score: QuizScore } | CommandFailure<AttemptProblem>;

/** Finishes a lesson: the score on screen, the attempt in the outbox, the questions into review. */
export async function recordLessonAttempt(
  ctx: CommandContext,
  lesson: Pick<Lesson, 'id' | 'version' | 'quiz' | 'pass_mark'>,
  answers: Readonly<Record<string, readonly string[]>>,
  startedAt: string,
): Promise<AttemptResult> {
  const completedAt = ctx.now();
  const payload = {
    lesson_id: lesson.id,
    lesson_version: lesson.version,
    answers: Object.fromEntries(lesson.quiz.map((q) => [q.id, [...(answers[q.id] ?? [])]])),
    started_at: startedAt,
    completed_at: completedAt.toISOString(),
  };
  if (lesson.quiz.some((q) => (answers[q.id] ?? []).length === 0)) return invalid('answers_required');
  const parsed = LessonAttemptPayload.safeParse(payload);
  if (!parsed.success) return invalid('malformed');
  const score = scoreQuiz(lesson.quiz, answers, lesson.pass_mark);
  const entry = outboxEntry(ctx, 'lesson_attempt', parsed.data);
  const result = await commit(ctx, entry, async () => {
    await ctx.db.attempts.put({
      id: entry.id,
      lesson_id: lesson.id,
      lesson_version: lesson.version,
      percent: score.percent,
      passed: score.passed,
      completed_at: entry.created_at,
    });
    await ctx.db.lessonProgress.delete(lesson.id);
    const keys = lesson.quiz.map((q) => reviewKey(lesson.id, q.id));
    const previous = await ctx.db.reviews.bulkGet(keys);
    await ctx.db.reviews.bulkPut(
      lesson.quiz.map((q, i) => scheduleAnswer(previous[i], { lesson_id: lesson.id, question_id: q.id }, isAnswerCorrect(q, answers[q.id] ?? []), completedAt)),
    );
  });
  return result.ok ? { ...result, score } : result;
}

/** One question answered in a review session: right moves it up a box, wrong back to box 1. */
export function answerReview(ctx: CommandContext, question: { lesson_id: string; question_id: string }, correct: boolean): Promise<LocalResult> {
  return commitLocal(ctx, async () => {
    const previous = await ctx.db.reviews.get(reviewKey(question.lesson_id, question.question_id));
    await ctx.db.reviews.put(scheduleAnswer(previous, question, correct, ctx.now()));
  });
}
