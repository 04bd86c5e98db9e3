import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../command-core';
import { type FrontlineDb, openDatabase } from '../db';
import { answerReview, recordLessonAttempt, saveLessonProgress } from './commands';

const lesson = {
  id: '1e000000-0000-4000-8000-000000000001',
  version: 2,
  pass_mark: 50,
  quiz: [
    {
      id: 'q1',
      prompt: 'Lift alone up to?',
      kind: 'single' as const,
      options: [
        { id: 'a', text: '23 kg' },
        { id: 'b', text: '40 kg' },
      ],
      correct: ['a'],
      explanation: '',
    },
    {
      id: 'q2',
      prompt: 'Before lifting?',
      kind: 'multiple' as const,
      options: [
        { id: 'a', text: 'Check label' },
        { id: 'b', text: 'Ask' },
        { id: 'c', text: 'Run' },
      ],
      correct: ['a', 'b'],
      explanation: '',
    },
  ],
};

let db: FrontlineDb;
let now: Date;
let writes: number;
let ctx: CommandContext;

beforeEach(() => {
  db = openDatabase(crypto.randomUUID());
  now = new Date('2026-11-22T10:00:00Z');
  writes = 0;
  ctx = {
    db,
    now: () => now,
    newId: () => crypto.randomUUID(),
    afterWrite: () => {
      writes++;
    },
  };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('learning commands', () => {
  it('keeps progress half-way through, then a finished attempt replaces it with a score, an outbox entry and review dates', async () => {
    await saveLessonProgress(ctx, {
      lesson_id: lesson.id,
      lesson_version: 2,
      step: 3,
      answers: { q1: ['a'] },
      started_at: '2026-11-22T09:58:00Z',
      updated_at: '',
    });
    expect(await db.lessonProgress.get(lesson.id)).toMatchObject({ step: 3, answers: { q1: ['a'] }, updated_at: now.toISOString() });
    expect(await db.outbox.count()).toBe(0);

    const result = await recordLessonAttempt(ctx, lesson, { q1: ['a'], q2: ['a'] }, '2026-11-22T09:58:00Z');
    if (!result.ok) throw new Error(result.reason);
    expect(result.score).toEqual({ correct: 1, total: 2, percent: 50, passed: true });
    expect(await db.lessonProgress.get(lesson.id)).toBeUndefined();
    expect(await db.attempts.get(result.id)).toMatchObject({ lesson_id: lesson.id, lesson_version: 2, percent: 50, passed: true });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ id: result.id, type: 'lesson_attempt', payload: { lesson_version: 2, answers: { q1: ['a'], q2: ['a'] } } });
    expect(writes).toBe(1);

    const right = await db.reviews.get(`${lesson.id}:q1`);
    const wrong = await db.reviews.get(`${lesson.id}:q2`);
    expect(right?.box).toBe(2);
    expect(wrong?.box).toBe(1);
    expect(Date.parse(wrong!.due_at)).toBeLessThan(Date.parse(right!.due_at));
  });

  it('refuses an attempt with an unanswered question and writes nothing', async () => {
    const result = await recordLessonAttempt(ctx, lesson, { q1: ['a'] }, '2026-11-22T09:58:00Z');
    expect(result.ok).toBe(false);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.attempts.count()).toBe(0);
  });

  it('a review answer moves the question a box up or back to box 1, on this phone only', async () => {
    await answerReview(ctx, { lesson_id: lesson.id, question_id: 'q1' }, true);
    await answerReview(ctx, { lesson_id: lesson.id, question_id: 'q1' }, true);
    expect((await db.reviews.get(`${lesson.id}:q1`))?.box).toBe(3);
    await answerReview(ctx, { lesson_id: lesson.id, question_id: 'q1' }, false);
    expect((await db.reviews.get(`${lesson.id}:q1`))?.box).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });
});
