/**
 * The one supabase-js client. Loaded after the first render (it is most of the
 * phone bundle); supabase-js serialises token refreshes across tabs with a Web
 * Lock, so refreshing happens in one place only.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';

export const AUTH_STORAGE_KEY = 'frontline-auth';

let client: SupabaseClient | null = null;

export function supabase(): SupabaseClient {
  client ??= createClient(import.meta.env.VITE_SUPABASE_URL ?? 'http://127.0.0.1:54321', import.meta.env.VITE_SUPABASE_ANON_KEY ?? '', {
    auth: { persistSession: true, autoRefreshToken: true, storageKey: AUTH_STORAGE_KEY, detectSessionInUrl: false },
  });
  return client;
}
