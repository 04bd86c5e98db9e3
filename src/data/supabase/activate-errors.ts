/**
 * What the activate Edge Function answers when it refuses (#12 item 3): one list for
 * the function (supabase/functions/activate/handler.ts) and the app, which words each.
 */
export const ACTIVATE_ERRORS = [
  'invalid_request',
  'weak_password',
  'invalid_code',
  'code_expired',
  'code_used',
  'too_many_attempts',
  'login_taken',
  'failed',
] as const;

export type ActivateRefusal = (typeof ACTIVATE_ERRORS)[number];

export function isActivateRefusal(value: unknown): value is ActivateRefusal {
  return typeof value === 'string' && (ACTIVATE_ERRORS as readonly string[]).includes(value);
}
