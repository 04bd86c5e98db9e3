/**
 * Activation (#12 item 3): a person without a login posts their employee ID, the
 * one-time code from their sheet and a new password to the `activate` Edge Function
 * (no session yet, so a plain fetch with the project's public key, not supabase-js:
 * the screen stays small). The answer is the login address to sign in with, or a
 * code the screen words. Issuing codes (HR and managers) is in ../admin/activation.ts.
 */
import { normalizeCode } from '../../domain/sign-in-address';
import { type ActivateRefusal, isActivateRefusal } from '../supabase/activate-errors';

/** A refusal of the function, or no answer at all. */
export type ActivateError = ActivateRefusal | 'offline';

export type ActivateOutcome = { ok: true; email: string } | { ok: false; error: ActivateError };

export interface ActivateInput {
  employeeId: string;
  code: string;
  password: string;
}

/** Asks the activate function to turn the code into a login with this password. */
export async function activateAccount(api: { url: string; anonKey: string }, input: ActivateInput, fetcher: typeof fetch = fetch): Promise<ActivateOutcome> {
  let response: Response;
  try {
    response = await fetcher(`${api.url}/functions/v1/activate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', apikey: api.anonKey },
      body: JSON.stringify({ employee_id: input.employeeId.trim(), code: normalizeCode(input.code), password: input.password }),
    });
  } catch {
    return { ok: false, error: 'offline' };
  }
  const body = (await response.json().catch(() => null)) as { ok?: unknown; email?: unknown; error?: unknown } | null;
  if (response.ok && body?.ok === true && typeof body.email === 'string') return { ok: true, email: body.email };
  return { ok: false, error: isActivateRefusal(body?.error) ? body.error : 'failed' };
}

/** The API the build points at, as src/app/supabase-client.ts reads it (here without loading supabase-js). */
export function projectAddress(): { url: string; anonKey: string } {
  return {
    url: import.meta.env.VITE_SUPABASE_URL ?? 'http://127.0.0.1:54321',
    anonKey: import.meta.env.VITE_SUPABASE_ANON_KEY ?? '',
  };
}
