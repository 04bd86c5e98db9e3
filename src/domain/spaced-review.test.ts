import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOX_INTERVAL_DAYS, dueForReview, type ReviewItem, scheduleAnswer, TOP_BOX } from './spaced-review';

const now = new Date('2026-11-22T12:00:00Z');
const question = { lesson_id: 'l1', question_id: 'q1' };
const days = (item: ReviewItem) => (Date.parse(item.due_at) - now.getTime()) / 86_400_000;

describe('scheduleAnswer', () => {
  it('moves a right answer up a box and a wrong one back to box 1', () => {
    const first = scheduleAnswer(undefined, question, true, now);
    expect(first).toMatchObject({ key: 'l1:q1', box: 2 });
    expect(days(first)).toBe(3);
    const wrong = scheduleAnswer(first, question, false, now);
    expect(wrong.box).toBe(1);
    expect(days(wrong)).toBe(1);
  });

  it('stays in the top box once there, every 30 days', () => {
    let item: ReviewItem | undefined;
    for (let i = 0; i < 10; i++) item = scheduleAnswer(item, question, true, now);
    expect(item!.box).toBe(TOP_BOX);
    expect(days(item!)).toBe(30);
  });

  it('a wrong answer always comes back sooner than a right one, and right answers come back later each time', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 20 }), (history) => {
        let item: ReviewItem | undefined;
        for (const correct of history) item = scheduleAnswer(item, question, correct, now);
        const right = scheduleAnswer(item, question, true, now);
        const wrong = scheduleAnswer(item, question, false, now);
        expect(days(wrong)).toBeLessThan(days(right));
        expect(days(right)).toBeGreaterThanOrEqual(item ? BOX_INTERVAL_DAYS[item.box - 1]! : 0);
      }),
    );
  });
});

describe('dueForReview', () => {
  const item = (key: string, dueOffsetDays: number, box = 1): ReviewItem => ({
    key,
    lesson_id: 'l1',
    question_id: key,
    box,
    due_at: new Date(now.getTime() + dueOffsetDays * 86_400_000).toISOString(),
    last_answered_at: now.toISOString(),
  });

  it('takes only due questions, most overdue first, at most a session', () => {
    const items = [item('later', 2), item('old', -5), item('today', 0), item('older', -9), ...Array.from({ length: 6 }, (_, i) => item(`x${i}`, -1, 3))];
    const due = dueForReview(items, now);
    expect(due).toHaveLength(5);
    expect(due.map((d) => d.key).slice(0, 2)).toEqual(['older', 'old']);
    expect(due.some((d) => d.key === 'later')).toBe(false);
  });

  it('never returns a question that is not due yet', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -30, max: 30 }), { maxLength: 30 }), (offsets) => {
        const due = dueForReview(
          offsets.map((o, i) => item(`k${i}`, o)),
          now,
          100,
        );
        return due.every((d) => Date.parse(d.due_at) <= now.getTime()) && due.length === offsets.filter((o) => o <= 0).length;
      }),
    );
  });
});
