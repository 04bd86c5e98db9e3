import { describe, expect, it } from 'vitest';
import { daysBetween, lessonAction, lessonRequirement, orderForList, pressingRequirements, type Requirement } from './lesson-status';
import { lessonStanding } from './lesson-steps';

describe('lessonAction', () => {
  it('retakes only the quiz after a failed attempt', () => {
    expect(lessonAction(lessonStanding([{ percent: 40, passed: false }], false))).toBe('retake_quiz');
  });
  it('continues a lesson in progress, even one failed before', () => {
    expect(lessonAction(lessonStanding([{ percent: 40, passed: false }], true))).toBe('continue');
  });
  it('starts a new lesson and offers a passed one again', () => {
    expect(lessonAction(lessonStanding([], false))).toBe('start');
    expect(
      lessonAction(
        lessonStanding(
          [
            { percent: 40, passed: false },
            { percent: 90, passed: true },
          ],
          false,
        ),
      ),
    ).toBe('again');
  });
});

describe('lessonRequirement', () => {
  const fresh = lessonStanding([], false);
  it('is none without a date', () => {
    expect(lessonRequirement(null, fresh, '2026-12-06')).toEqual({ kind: 'none' });
    expect(lessonRequirement(undefined, fresh, '2026-12-06')).toEqual({ kind: 'none' });
  });
  it('is due up to and on the day itself, overdue the day after', () => {
    expect(lessonRequirement('2026-12-08', fresh, '2026-12-06')).toEqual({ kind: 'due', dueOn: '2026-12-08', daysLeft: 2 });
    expect(lessonRequirement('2026-12-06', fresh, '2026-12-06')).toEqual({ kind: 'due', dueOn: '2026-12-06', daysLeft: 0 });
    expect(lessonRequirement('2026-12-05', fresh, '2026-12-06')).toEqual({ kind: 'overdue', dueOn: '2026-12-05', daysLate: 1 });
  });
  it('counts whole days across a month and a daylight-saving change', () => {
    expect(daysBetween('2026-03-28', '2026-04-02')).toBe(5);
    expect(daysBetween('2026-11-02', '2026-10-30')).toBe(-3);
  });
  it('is done once passed, even late; a failed attempt still leaves it overdue', () => {
    expect(lessonRequirement('2026-12-01', lessonStanding([{ percent: 100, passed: true }], false), '2026-12-06')).toEqual({
      kind: 'done',
      dueOn: '2026-12-01',
    });
    expect(lessonRequirement('2026-12-01', lessonStanding([{ percent: 10, passed: false }], false), '2026-12-06').kind).toBe('overdue');
  });
});

describe('orderForList', () => {
  const item = (name: string, requirement: Requirement) => ({ name, requirement });
  it('puts open requirements first by date and keeps the rest in order', () => {
    const items = [
      item('a', { kind: 'none' }),
      item('b', { kind: 'due', dueOn: '2026-12-20', daysLeft: 14 }),
      item('c', { kind: 'done', dueOn: '2026-12-01' }),
      item('d', { kind: 'overdue', dueOn: '2026-12-02', daysLate: 4 }),
      item('e', { kind: 'none' }),
    ];
    expect(orderForList(items).map((i) => i.name)).toEqual(['d', 'b', 'a', 'c', 'e']);
  });
});

describe('pressingRequirements', () => {
  const item = (name: string, requirement: Requirement) => ({ name, requirement });
  it('keeps only what is still asked, overdue and soonest first, and counts the rest', () => {
    const items = [
      item('none', { kind: 'none' }),
      item('later', { kind: 'due', dueOn: '2026-12-20', daysLeft: 14 }),
      item('passed', { kind: 'done', dueOn: '2026-12-01' }),
      item('late', { kind: 'overdue', dueOn: '2026-12-02', daysLate: 4 }),
      item('today', { kind: 'due', dueOn: '2026-12-06', daysLeft: 0 }),
      item('soon', { kind: 'due', dueOn: '2026-12-09', daysLeft: 3 }),
    ];
    const { shown, more } = pressingRequirements(items, 3);
    expect(shown.map((i) => i.name)).toEqual(['late', 'today', 'soon']);
    expect(more).toBe(1);
    expect(pressingRequirements(items, 5)).toMatchObject({ more: 0 });
  });
  it('is empty when nothing is required or all of it is passed', () => {
    expect(pressingRequirements([item('a', { kind: 'none' }), item('b', { kind: 'done', dueOn: '2026-12-01' })], 3)).toEqual({ shown: [], more: 0 });
  });
});
