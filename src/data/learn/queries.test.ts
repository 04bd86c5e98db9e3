import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FrontlineDb, openDatabase } from '../db';
import type { Lesson } from '../supabase/types';
import { dueQuestionCount, dueQuestions, lessonList, lessonWithProgress } from './queries';

function lesson(id: string, title: string, questions: number): Lesson {
  return {
    id,
    title,
    summary: '',
    minutes: 2,
    cards: [{ title: 'c', body: 'b' }],
    pass_mark: 50,
    version: 1,
    updated_at: '2026-11-22T00:00:00Z',
    sync_seq: 1,
    quiz: Array.from({ length: questions }, (_, i) => ({
      id: `q${i + 1}`,
      prompt: `Q${i + 1}`,
      kind: 'single' as const,
      options: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
      ],
      correct: ['a'],
      explanation: '',
    })),
  };
}

const A = '1e000000-0000-4000-8000-00000000000a';
const B = '1e000000-0000-4000-8000-00000000000b';
const now = new Date('2026-11-22T10:00:00Z');
const review = (lessonId: string, q: string, due: string, box = 1) => ({
  key: `${lessonId}:${q}`,
  lesson_id: lessonId,
  question_id: q,
  box,
  due_at: due,
  last_answered_at: '2026-11-20T10:00:00Z',
});

let db: FrontlineDb;
beforeEach(async () => {
  db = openDatabase(crypto.randomUUID());
  await db.lessons.bulkPut([lesson(B, 'Safe lifting', 2), lesson(A, 'Greeting', 6)]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('learn queries', () => {
  it('lists lessons by title with how far this person got', async () => {
    await db.attempts.put({ id: crypto.randomUUID(), lesson_id: B, lesson_version: 1, percent: 100, passed: true, completed_at: now.toISOString() });
    await db.lessonProgress.put({ lesson_id: A, lesson_version: 1, step: 2, answers: {}, started_at: now.toISOString(), updated_at: now.toISOString() });
    const list = await lessonList(db, '2026-11-22');
    expect(list.map((i) => [i.lesson.title, i.standing])).toEqual([
      ['Greeting', { kind: 'in_progress' }],
      ['Safe lifting', { kind: 'passed', best: 100 }],
    ]);
    expect((await lessonWithProgress(db, A)).progress?.step).toBe(2);
    expect(await lessonWithProgress(db, crypto.randomUUID())).toEqual({ lesson: null, progress: null, standing: { kind: 'not_started' } });
  });

  it('puts a lesson required of this person first, overdue from the day after its date, and says a failed one was failed', async () => {
    await db.lessons.put({ ...lesson(B, 'Safe lifting', 2), required_by: '2026-11-21' });
    await db.attempts.put({ id: crypto.randomUUID(), lesson_id: B, lesson_version: 1, percent: 0, passed: false, completed_at: now.toISOString() });
    const list = await lessonList(db, '2026-11-22');
    expect(list.map((i) => [i.lesson.title, i.standing.kind, i.requirement])).toEqual([
      ['Safe lifting', 'tried', { kind: 'overdue', dueOn: '2026-11-21', daysLate: 1 }],
      ['Greeting', 'not_started', { kind: 'none' }],
    ]);
    expect((await lessonWithProgress(db, B)).standing).toEqual({ kind: 'tried', best: 0 });
  });

  it('finds due questions of lessons still on the phone, most overdue first, five per session', async () => {
    await db.reviews.bulkPut([
      ...[1, 2, 3, 4, 5, 6].map((n) => review(A, `q${n}`, `2026-11-22T0${n}:00:00Z`)),
      review(B, 'q1', '2026-11-21T00:00:00Z'),
      review(B, 'q2', '2026-11-23T00:00:00Z'),
      review(crypto.randomUUID(), 'q1', '2026-11-01T00:00:00Z'),
      review(B, 'gone', '2026-11-01T00:00:00Z'),
    ]);
    const due = await dueQuestions(db, now);
    expect(due.map((d) => d.item.key)).toEqual([`${B}:q1`, `${A}:q1`, `${A}:q2`, `${A}:q3`, `${A}:q4`]);
    expect(due[0]).toMatchObject({ lesson: { title: 'Safe lifting' }, question: { id: 'q1' } });
    expect(await dueQuestionCount(db, now)).toBe(7);
  });
});
