import { describe, expect, it } from 'vitest';
import { charactersLeft, emptyFeedbackDraft, feedbackProblems } from './feedback-draft';

const RULES = { maxLength: 10, hasStore: true };

describe('feedbackProblems', () => {
  it('needs some text, at most the limit after trimming', () => {
    const draft = emptyFeedbackDraft(true);
    expect(feedbackProblems({ ...draft, body: '   ' }, RULES)).toEqual(['body_required']);
    expect(feedbackProblems({ ...draft, body: '  0123456789  ' }, RULES)).toEqual([]);
    expect(feedbackProblems({ ...draft, body: '0123456789A' }, RULES)).toEqual(['body_too_long']);
  });

  it('sends to head office by default, and refuses "my store" to someone without one', () => {
    expect(emptyFeedbackDraft(false).recipient).toBe('head_office');
    expect(emptyFeedbackDraft(true).recipient).toBe('store');
    expect(feedbackProblems({ ...emptyFeedbackDraft(true), body: 'hi' }, { ...RULES, hasStore: false })).toEqual(['store_required']);
  });
});

describe('charactersLeft', () => {
  it('counts down to the limit and below zero past it', () => {
    expect(charactersLeft('', 10)).toBe(10);
    expect(charactersLeft(' abc ', 10)).toBe(7);
    expect(charactersLeft('0123456789AB', 10)).toBe(-2);
  });
});
