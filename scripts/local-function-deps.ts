/**
 * What an Edge Function's handler gets from Node when the local stack serves it: a
 * supabase-js client for the URL and key it is given (or acting as a caller, with
 * their token), and fetch. Deno gives the same in each function's index.ts.
 */
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';

const NODE_CLIENT_OPTIONS = {
  auth: { persistSession: false, autoRefreshToken: false },
  // Node 20 has no global WebSocket; supabase-js builds its realtime client eagerly.
  realtime: { transport: ws as unknown as typeof WebSocket },
};

export const nodeFunctionDeps = {
  createDb: (url: string, key: string) => createClient(url, key, NODE_CLIENT_OPTIONS),
  createUserDb: (url: string, apiKey: string, accessToken: string) =>
    createClient(url, apiKey, { ...NODE_CLIENT_OPTIONS, global: { headers: { authorization: `Bearer ${accessToken}` } } }),
  fetch: (url: string, init: RequestInit) => fetch(url, init),
};
