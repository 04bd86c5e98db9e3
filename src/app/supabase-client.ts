/**
 * The one supabase-js client. Loaded after the first render (it is most of the
 * phone bundle); supabase-js serialises token refreshes across tabs with a Web
 * Lock, so refreshing happens in one place only.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';

export const AUTH_STORAGE_KEY = 'frontline-auth';
/**
 * The API the build points at (VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY, local
 * defaults otherwise). Read when called, not on import: Node tools import this
 * module for AUTH_STORAGE_KEY, and they have no import.meta.env.
 */
export function apiAddress(): { url: string; anonKey: string } {
  return {
    url: import.meta.env.VITE_SUPABASE_URL ?? 'http://127.0.0.1:54321',
    anonKey: import.meta.env.VITE_SUPABASE_ANON_KEY ?? '',
  };
}

let client: SupabaseClient | null = null;

export function supabase(): SupabaseClient {
  const { url, anonKey } = apiAddress();
  client ??= createClient(url, anonKey, {
    auth: { persistSession: true, autoRefreshToken: true, storageKey: AUTH_STORAGE_KEY, detectSessionInUrl: false },
  });
  return client;
}
