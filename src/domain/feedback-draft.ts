/**
 * A feedback message being written: what must be true before it can go into
 * the outbox, checked on the phone so the person hears it at once (the server
 * checks the same again).
 */
import { LIMITS } from './limits';

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

/** What the feedback command itself refuses; a store to send to needs the form's context. */
export type FeedbackBodyProblem = 'body_required' | 'body_too_long';
export type FeedbackProblem = FeedbackBodyProblem | 'store_required';

export function emptyFeedbackDraft(hasStore: boolean): FeedbackDraft {
  return { kind: 'suggestion', recipient: hasStore ? 'store' : 'head_office', body: '', anonymous: false, briefingId: null };
}

/** Some text, at most LIMITS.feedbackBody after trimming; null when it may be sent. */
export function feedbackBodyProblem(body: string): FeedbackBodyProblem | null {
  const length = body.trim().length;
  if (length === 0) return 'body_required';
  return length > LIMITS.feedbackBody ? 'body_too_long' : null;
}

export function feedbackProblems(draft: FeedbackDraft, rules: { hasStore: boolean }): FeedbackProblem[] {
  const problems: FeedbackProblem[] = [];
  const body = feedbackBodyProblem(draft.body);
  if (body) problems.push(body);
  if (draft.recipient === 'store' && !rules.hasStore) problems.push('store_required');
  return problems;
}

/** Characters left before LIMITS.feedbackBody (negative when over), counted as the server does: after trimming. */
export function charactersLeft(body: string): number {
  return LIMITS.feedbackBody - body.trim().length;
}
