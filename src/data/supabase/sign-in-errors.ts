/**
 * What a refused password sign-in means, from Supabase Auth's error. A closed account
 * (a deactivated member) is refused by the Custom Access Token Hook
 * (supabase/migrations/20261206110000_refuse_closed_accounts_at_sign_in.sql): Auth
 * answers 403 with the hook's message and gives it no error code of its own
 * (`unknown`), so the message is the code.
 */

/** The hook's message for a closed account; the migration answers exactly this. */
export const ACCOUNT_CLOSED = 'account_closed';

export type SignInFailure = {
  reason: 'invalid_credentials' | 'account_closed' | 'rate_limited' | 'offline' | 'failed';
  /** Auth's own message, for a failure the app has no words for. */
  detail: string | null;
};

/** The parts of supabase-js's AuthError read here; status 0 is a request that never got an answer. */
export interface AuthErrorLike {
  status?: number;
  code?: string;
  message: string;
}

export function signInFailure(error: AuthErrorLike | null): SignInFailure {
  if (error?.code === 'invalid_credentials') return { reason: 'invalid_credentials', detail: null };
  if (error?.status === 403 && error.message === ACCOUNT_CLOSED) return { reason: 'account_closed', detail: null };
  if (error?.status === 429) return { reason: 'rate_limited', detail: null };
  if (error && error.status === 0) return { reason: 'offline', detail: null };
  return { reason: 'failed', detail: error?.message ?? null };
}
