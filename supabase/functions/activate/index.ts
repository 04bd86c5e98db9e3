/**
 * The activate function as a Supabase Edge Function (Deno): handler.ts on Deno.serve.
 * SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY are set by Supabase. Deployed with
 * verify_jwt off (config.toml): its callers have no login yet.
 */
import { createClient } from '@supabase/supabase-js';
import { activate } from './handler.ts';

// The Deno globals used, typed here so the project's tsc checks this file without their types.
declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(handler: (request: Request) => Response | Promise<Response>): unknown;
};

Deno.serve(
  activate({
    env: (name) => Deno.env.get(name),
    createDb: (url, key) => createClient(url, key, { auth: { persistSession: false, autoRefreshToken: false } }),
    fetch: (url, init) => fetch(url, init),
    log: (line) => console.log(line),
  }),
);
