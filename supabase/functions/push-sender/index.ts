/**
 * The push sender as a Supabase Edge Function (Deno): handler.ts on Deno.serve. Called on
 * a schedule (README, "Deploying the push sender"). Secrets come from the function's
 * environment: SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY (set by Supabase),
 * VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT (set with `supabase secrets set`).
 */
import { createClient } from '@supabase/supabase-js';
import { pushSender } from './handler.ts';

// The Deno and Edge Runtime globals used, typed here so the project's tsc checks this file without their types.
declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(handler: (request: Request) => Response | Promise<Response>): unknown;
};
declare const EdgeRuntime: { waitUntil(work: Promise<unknown>): void };

Deno.serve(
  pushSender({
    env: (name) => Deno.env.get(name),
    createDb: (url, key) => createClient(url, key, { auth: { persistSession: false, autoRefreshToken: false } }),
    fetch: (url, init) => fetch(url, init),
    waitUntil: (work) => EdgeRuntime.waitUntil(work),
    log: (line) => console.log(line),
  }),
);
