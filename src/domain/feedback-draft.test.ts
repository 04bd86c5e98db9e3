import { describe, expect, it } from 'vitest';
import { charactersLeft, emptyFeedbackDraft, feedbackProblems } from './feedback-draft';
import { LIMITS } from './limits';

const RULES = { hasStore: true };
const MAX = LIMITS.feedbackBody;

describe('feedbackProblems', () => {
  it('needs some text, at most the limit after trimming', () => {
    const draft = emptyFeedbackDraft(true);
    expect(feedbackProblems({ ...draft, body: '   ' }, RULES)).toEqual(['body_required']);
    expect(feedbackProblems({ ...draft, body: `  ${'x'.repeat(MAX)}  ` }, RULES)).toEqual([]);
    expect(feedbackProblems({ ...draft, body: 'x'.repeat(MAX + 1) }, RULES)).toEqual(['body_too_long']);
  });

  it('sends to head office by default, and refuses "my store" to someone without one', () => {
    expect(emptyFeedbackDraft(false).recipient).toBe('head_office');
    expect(emptyFeedbackDraft(true).recipient).toBe('store');
    expect(feedbackProblems({ ...emptyFeedbackDraft(true), body: 'hi' }, { hasStore: false })).toEqual(['store_required']);
  });
});

describe('charactersLeft', () => {
  it('counts down to the limit and below zero past it', () => {
    expect(charactersLeft('')).toBe(MAX);
    expect(charactersLeft(' abc ')).toBe(MAX - 3);
    expect(charactersLeft('x'.repeat(MAX + 2))).toBe(-2);
  });
});
