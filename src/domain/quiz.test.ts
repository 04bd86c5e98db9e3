import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAnswerComplete, isAnswerCorrect, type QuizQuestionLike, scoreQuiz } from './quiz';

const options = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
const single: QuizQuestionLike = { id: 'q1', kind: 'single', options, correct: ['b'] };
const multiple: QuizQuestionLike = { id: 'q2', kind: 'multiple', options, correct: ['a', 'c'] };

describe('isAnswerCorrect', () => {
  it('needs exactly the correct options, in any order, repeats ignored', () => {
    expect(isAnswerCorrect(single, ['b'])).toBe(true);
    expect(isAnswerCorrect(single, ['a'])).toBe(false);
    expect(isAnswerCorrect(multiple, ['c', 'a'])).toBe(true);
    expect(isAnswerCorrect(multiple, ['a', 'a', 'c'])).toBe(true);
    expect(isAnswerCorrect(multiple, ['a'])).toBe(false);
    expect(isAnswerCorrect(multiple, ['a', 'b', 'c'])).toBe(false);
  });
});

describe('isAnswerComplete', () => {
  it('takes one option for single choice, one or more known options for multiple', () => {
    expect(isAnswerComplete(single, [])).toBe(false);
    expect(isAnswerComplete(single, ['a', 'b'])).toBe(false);
    expect(isAnswerComplete(single, ['a'])).toBe(true);
    expect(isAnswerComplete(multiple, ['a', 'd'])).toBe(true);
    expect(isAnswerComplete(multiple, ['z'])).toBe(false);
  });
});

describe('scoreQuiz', () => {
  it('scores the rounded share of right answers against the pass mark', () => {
    const three = [single, multiple, { ...single, id: 'q3', correct: ['d'] }];
    expect(scoreQuiz(three, { q1: ['b'], q2: ['a', 'c'], q3: ['a'] }, 70)).toEqual({ correct: 2, total: 3, percent: 67, passed: false });
    expect(scoreQuiz(three, { q1: ['b'], q2: ['a', 'c'], q3: ['a'] }, 67).passed).toBe(true);
    expect(scoreQuiz([], {}, 80)).toEqual({ correct: 0, total: 0, percent: 100, passed: true });
  });

  it('an unanswered question counts as wrong, and answering one more right never lowers the score', () => {
    const arb = fc.array(fc.subarray(['a', 'b', 'c', 'd'], { minLength: 1 }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(arb, fc.nat(), (corrects, pick) => {
        const questions = corrects.map((correct, i) => ({ id: `q${i}`, kind: 'multiple' as const, options, correct }));
        const wrong = Object.fromEntries(questions.map((q) => [q.id, q.correct.length === 4 ? ['a'] : ['a', 'b', 'c', 'd']]));
        const fixed = questions[pick % questions.length]!;
        const before = scoreQuiz(questions, wrong, 50);
        const after = scoreQuiz(questions, { ...wrong, [fixed.id]: fixed.correct }, 50);
        expect(before.correct).toBe(0);
        expect(after.correct).toBe(1);
        expect(after.percent).toBeGreaterThan(before.percent);
      }),
    );
  });
});
