import { describe, expect, it } from 'vitest';
import { lessonStanding, resumePoint, stepAt, stepCount } from './lesson-steps';

const q = (id: string) => ({ id, kind: 'single' as const, options: [{ id: 'a' }, { id: 'b' }], correct: ['a'] });
const lesson = { version: 2, cards: [{}, {}], quiz: [q('q1'), q('q2'), q('q3')] };

describe('lesson steps', () => {
  it('walks the cards, then each question, then finishes', () => {
    expect(stepCount(lesson)).toBe(5);
    expect(stepAt(lesson, 0)).toEqual({ kind: 'card', index: 0 });
    expect(stepAt(lesson, 1)).toEqual({ kind: 'card', index: 1 });
    expect(stepAt(lesson, 2)).toEqual({ kind: 'question', index: 0, question: lesson.quiz[0] });
    expect(stepAt(lesson, 4)).toMatchObject({ kind: 'question', index: 2 });
    expect(stepAt(lesson, 5)).toEqual({ kind: 'finish' });
  });

  it('resumes at the saved step with the saved answers', () => {
    expect(resumePoint(lesson, { lesson_version: 2, step: 3, answers: { q1: ['b'] } })).toEqual({ step: 3, answers: { q1: ['b'] } });
  });

  it('starts over when the lesson changed version since the progress was saved', () => {
    expect(resumePoint(lesson, { lesson_version: 1, step: 3, answers: { q1: ['b'] } })).toEqual({ step: 0, answers: {} });
    expect(resumePoint(lesson, undefined)).toEqual({ step: 0, answers: {} });
  });

  it('keeps a resumed step inside the lesson and drops answers to questions it no longer has', () => {
    expect(resumePoint(lesson, { lesson_version: 2, step: 99, answers: { gone: ['a'], q2: ['a'] } })).toEqual({ step: 5, answers: { q2: ['a'] } });
  });
});

describe('lesson standing', () => {
  it('says not started, in progress, best score or passed', () => {
    expect(lessonStanding([], false)).toEqual({ kind: 'not_started' });
    expect(lessonStanding([], true)).toEqual({ kind: 'in_progress' });
    expect(
      lessonStanding(
        [
          { percent: 33, passed: false },
          { percent: 50, passed: false },
        ],
        false,
      ),
    ).toEqual({ kind: 'tried', best: 50 });
    expect(lessonStanding([{ percent: 33, passed: false }], true)).toEqual({ kind: 'in_progress' });
  });

  it('counts a pass on any attempt, with the best score of all', () => {
    expect(
      lessonStanding(
        [
          { percent: 100, passed: true },
          { percent: 40, passed: false },
        ],
        true,
      ),
    ).toEqual({ kind: 'passed', best: 100 });
  });
});
