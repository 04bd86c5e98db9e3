/**
 * What an Edge Function's handler gets from Node when the local stack serves it: a
 * supabase-js client for the URL and key it is given, and fetch. Deno gives the same
 * in each function's index.ts.
 */
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';

export const nodeFunctionDeps = {
  createDb: (url: string, key: string) =>
    createClient(url, key, {
      auth: { persistSession: false, autoRefreshToken: false },
      // Node 20 has no global WebSocket; supabase-js builds its realtime client eagerly.
      realtime: { transport: ws as unknown as typeof WebSocket },
    }),
  fetch: (url: string, init: RequestInit) => fetch(url, init),
};
