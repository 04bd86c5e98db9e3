/**
 * Read-only views of learning on this phone, for screens to use with
 * useLiveQuery: the lessons with how far this person got and whether they are
 * required of them by a date, one lesson with its saved progress, and the
 * review questions due now (only those whose lesson and question are still on
 * the phone). All from the phone's own copy, so offline too.
 */
import { lessonRequirement, orderForList, type Requirement } from '../../domain/lesson-status';
import { type LessonStanding, lessonStanding } from '../../domain/lesson-steps';
import { dueForReview, REVIEW_SESSION_SIZE, type ReviewItem } from '../../domain/spaced-review';
import type { FrontlineDb, LessonProgress } from '../db';
import type { Lesson, QuizQuestion } from '../supabase/types';

export interface LessonListItem {
  lesson: Lesson;
  standing: LessonStanding;
  requirement: Requirement;
}

/** today: this person's calendar day (YYYY-MM-DD) in their store's time zone. Required and not passed first, then by title. */
export async function lessonList(db: FrontlineDb, today: string): Promise<LessonListItem[]> {
  const [lessons, attempts, progress] = await Promise.all([db.lessons.toArray(), db.attempts.toArray(), db.lessonProgress.toArray()]);
  const started = new Set(progress.map((p) => p.lesson_id));
  return orderForList(
    lessons
      .sort((a, b) => a.title.localeCompare(b.title))
      .map((lesson) => {
        const standing = lessonStanding(
          attempts.filter((a) => a.lesson_id === lesson.id),
          started.has(lesson.id),
        );
        return { lesson, standing, requirement: lessonRequirement(lesson.required_by, standing, today) };
      }),
  );
}

export interface LessonWithProgress {
  lesson: Lesson | null;
  progress: LessonProgress | null;
  standing: LessonStanding;
}

export async function lessonWithProgress(db: FrontlineDb, lessonId: string): Promise<LessonWithProgress> {
  const [lesson, progress, attempts] = await Promise.all([
    db.lessons.get(lessonId),
    db.lessonProgress.get(lessonId),
    db.attempts.where('lesson_id').equals(lessonId).toArray(),
  ]);
  return { lesson: lesson ?? null, progress: progress ?? null, standing: lessonStanding(attempts, progress !== undefined) };
}

export interface DueQuestion {
  item: ReviewItem;
  /** The question's lesson, so the session shows both in the reader's language. */
  lesson: Lesson;
  question: QuizQuestion;
}

/** Up to `limit` questions due at `now` (a session's worth by default), most overdue first. */
export async function dueQuestions(db: FrontlineDb, now: Date, limit: number = REVIEW_SESSION_SIZE): Promise<DueQuestion[]> {
  const [items, lessons] = await Promise.all([db.reviews.where('due_at').belowOrEqual(now.toISOString()).toArray(), db.lessons.toArray()]);
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const known = items.flatMap((item) => {
    const lesson = byId.get(item.lesson_id);
    const question = lesson?.quiz.find((q) => q.id === item.question_id);
    return lesson && question ? [{ item, lesson, question }] : [];
  });
  const byKey = new Map(known.map((k) => [k.item.key, k]));
  return dueForReview(
    known.map((k) => k.item),
    now,
    limit,
  ).map((item) => byKey.get(item.key)!);
}

/** How many questions are due now (the Today card's number; a session takes at most five of them). */
export async function dueQuestionCount(db: FrontlineDb, now: Date): Promise<number> {
  return (await dueQuestions(db, now, Number.POSITIVE_INFINITY)).length;
}
