/**
 * Activation codes by email (#12 item 3), for HR and managers: the send-activation
 * Edge Function, called as the signed-in person, issues a fresh code for each person
 * asked for (or each of a store's people) who has not activated and has an email, and
 * mails it to them. The answer is per person and never holds a code; the screens word
 * it. The preview (an RPC that issues nothing) counts whom a store's email would reach.
 */
import type { OnlineApi } from '../online-api';

export type EmailCodeStatus = 'sent' | 'no_email' | 'already_active' | 'out_of_scope' | 'no_employee_id' | 'failed';
export const EMAIL_CODE_STATUSES: readonly EmailCodeStatus[] = ['sent', 'no_email', 'already_active', 'out_of_scope', 'no_employee_id', 'failed'];

/** Why nothing was sent at all. */
export type EmailCodesFailure =
  /** No answer: offline, or the function could not be reached. */
  | 'offline'
  /** The caller may not send codes (staff), or not for that store. */
  | 'forbidden'
  | 'store_not_managed'
  /** The session is no longer accepted. */
  | 'unauthorized'
  /** The server has no mail provider set up. */
  | 'mail_not_configured'
  | 'failed';

export interface EmailCodesResult {
  people: { member_id: string; status: EmailCodeStatus }[];
  counts: Record<EmailCodeStatus, number>;
}

export type EmailCodesOutcome = { ok: true; data: EmailCodesResult } | { ok: false; failure: EmailCodesFailure };

export type EmailCodesTarget = { memberIds: string[] } | { storeId: string };

export const SEND_ACTIVATION_FUNCTION = 'send-activation';

function isResult(body: unknown): body is EmailCodesResult & { ok: true } {
  if (typeof body !== 'object' || body === null) return false;
  const { ok, people, counts } = body as Record<string, unknown>;
  return (
    ok === true &&
    Array.isArray(people) &&
    people.every((p) => typeof p?.member_id === 'string' && EMAIL_CODE_STATUSES.includes(p?.status)) &&
    typeof counts === 'object' &&
    counts !== null &&
    EMAIL_CODE_STATUSES.every((s) => typeof (counts as Record<string, unknown>)[s] === 'number')
  );
}

/** Sends fresh codes by email; the outcome says, per person, what happened. */
export async function emailActivationCodes(api: OnlineApi, target: EmailCodesTarget): Promise<EmailCodesOutcome> {
  if (!api.invoke) return { ok: false, failure: 'offline' };
  const answer = await api.invoke(SEND_ACTIVATION_FUNCTION, 'storeId' in target ? { store_id: target.storeId } : { member_ids: target.memberIds });
  if (!answer) return { ok: false, failure: 'offline' };
  if (answer.status === 200 && isResult(answer.body)) {
    const { people, counts } = answer.body;
    return { ok: true, data: { people, counts } };
  }
  const { error, detail } = (answer.body ?? {}) as { error?: unknown; detail?: unknown };
  if (error === 'forbidden') return { ok: false, failure: detail === 'store_not_managed' ? 'store_not_managed' : 'forbidden' };
  if (error === 'unauthorized' || error === 'mail_not_configured') return { ok: false, failure: error };
  return { ok: false, failure: 'failed' };
}

export interface EmailReach {
  /** People an email would go to. */
  ready: number;
  noEmail: number;
  noEmployeeId: number;
}

/** Whom emailing a store's codes would reach, issuing nothing; null when it could not be asked. */
export async function storeEmailReach(api: OnlineApi, storeId: string, signal?: AbortSignal): Promise<EmailReach | null> {
  const outcome = await api.call('activation_email_preview', { p_store_id: storeId }, signal);
  if (!outcome.ok) return null;
  const count = (status: string) => outcome.data.people.filter((p) => p.status === status).length;
  return { ready: count('ready'), noEmail: count('no_email'), noEmployeeId: count('no_employee_id') };
}
