/**
 * Saving the member's UI language on the server (set_my_locale). The phone
 * keeps the choice itself until a sync shows the account has it, so a failure
 * here (offline, or a server without the function yet) is a value to retry
 * later, never an error on screen.
 */
import type { SupabaseClient } from '@supabase/supabase-js';

export type MemberLocale = 'en' | 'es';

export type SaveLocaleOutcome = { ok: true } | { ok: false; reason: 'offline' | 'refused'; message: string };

export async function saveMemberLocale(client: SupabaseClient, locale: MemberLocale): Promise<SaveLocaleOutcome> {
  try {
    const { error, status } = await client.rpc('set_my_locale', { p_locale: locale });
    if (!error) return { ok: true };
    return { ok: false, reason: status ? 'refused' : 'offline', message: error.message };
  } catch (thrown) {
    return { ok: false, reason: 'offline', message: String(thrown) };
  }
}
