/**
 * The push sender as a Supabase Edge Function (Deno). Called on a schedule (README,
 * "Deploying the push sender"), it drains the push queue once with sender.ts and answers
 * the drain's report. Secrets come from the function's environment: SUPABASE_URL and
 * SUPABASE_SERVICE_ROLE_KEY (set by Supabase), VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and
 * VAPID_SUBJECT (set with `supabase secrets set`).
 */
import { createClient } from '@supabase/supabase-js';
import { drainPushQueue } from './sender.ts';

// The two Deno globals used, typed here so the project's tsc checks this file without Deno's types.
declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(handler: (request: Request) => Response | Promise<Response>): unknown;
};

// Edge Functions are stopped at their wall-clock limit (150 s on the free plan): stop
// claiming well before, so every claimed batch is reported.
const RUN_BUDGET_MS = 100_000;

function required(name: string): string {
  const value = Deno.env.get(name);
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

Deno.serve(async (request) => {
  const serviceKey = required('SUPABASE_SERVICE_ROLE_KEY');
  // Only the scheduler (holding the service key) may start a drain: anyone else could
  // make the function spend its quota.
  if (request.headers.get('authorization') !== `Bearer ${serviceKey}`) {
    return new Response(JSON.stringify({ error: 'forbidden' }), { status: 403, headers: { 'content-type': 'application/json' } });
  }
  const db = createClient(required('SUPABASE_URL'), serviceKey, { auth: { persistSession: false, autoRefreshToken: false } });
  try {
    const report = await drainPushQueue({
      db,
      fetch: (url, init) => fetch(url, init),
      vapid: { subject: required('VAPID_SUBJECT'), publicKey: required('VAPID_PUBLIC_KEY'), privateKey: required('VAPID_PRIVATE_KEY') },
      deadline: Date.now() + RUN_BUDGET_MS,
    });
    return new Response(JSON.stringify(report), { headers: { 'content-type': 'application/json' } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return new Response(JSON.stringify({ error: message }), { status: 500, headers: { 'content-type': 'application/json' } });
  }
});
