/**
 * The send-activation function as a Supabase Edge Function (Deno): handler.ts on
 * Deno.serve. SUPABASE_URL and SUPABASE_ANON_KEY are set by Supabase; MAIL_API_URL (a
 * Resend-compatible endpoint, e.g. https://api.resend.com/emails), MAIL_API_KEY,
 * MAIL_FROM and APP_URL (the app's address, for the /activate link) with
 * `supabase secrets set`. The database is called with the caller's JWT, never a
 * service key: Postgres decides whom they may reach.
 */
import { createClient } from '@supabase/supabase-js';
import { sendActivation } from './handler.ts';

// The Deno globals used, typed here so the project's tsc checks this file without their types.
declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(handler: (request: Request) => Response | Promise<Response>): unknown;
};

Deno.serve(
  sendActivation({
    env: (name) => Deno.env.get(name),
    createUserDb: (url, apiKey, accessToken) =>
      createClient(url, apiKey, {
        auth: { persistSession: false, autoRefreshToken: false },
        global: { headers: { authorization: `Bearer ${accessToken}` } },
      }),
    fetch: (url, init) => fetch(url, init),
    log: (line) => console.log(line),
  }),
);
