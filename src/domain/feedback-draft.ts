/**
 * A feedback message being written: what must be true before it can go into
 * the outbox, checked on the phone so the person hears it at once (the server
 * checks the same again).
 */
export type FeedbackKind = 'suggestion' | 'question' | 'concern' | 'praise';
export type FeedbackRecipient = 'store' | 'head_office';

export const FEEDBACK_KINDS: readonly FeedbackKind[] = ['suggestion', 'question', 'concern', 'praise'];

export interface FeedbackDraft {
  kind: FeedbackKind;
  recipient: FeedbackRecipient;
  body: string;
  anonymous: boolean;
  briefingId: string | null;
}

export type FeedbackProblem = 'body_required' | 'body_too_long' | 'store_required';

export function emptyFeedbackDraft(hasStore: boolean): FeedbackDraft {
  return { kind: 'suggestion', recipient: hasStore ? 'store' : 'head_office', body: '', anonymous: false, briefingId: null };
}

export function feedbackProblems(draft: FeedbackDraft, rules: { maxLength: number; hasStore: boolean }): FeedbackProblem[] {
  const problems: FeedbackProblem[] = [];
  const length = draft.body.trim().length;
  if (length === 0) problems.push('body_required');
  if (length > rules.maxLength) problems.push('body_too_long');
  if (draft.recipient === 'store' && !rules.hasStore) problems.push('store_required');
  return problems;
}

/** Characters left before the limit (negative when over), counted as the server does: after trimming. */
export function charactersLeft(body: string, maxLength: number): number {
  return maxLength - body.trim().length;
}
