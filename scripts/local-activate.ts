/**
 * The activate Edge Function (supabase/functions/activate/handler.ts, as deployed) for
 * the local stack to serve at /functions/v1/activate, calling the stack's own REST and
 * Auth admin endpoints as it calls hosted Supabase's.
 */
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import { ACTIVATE_NAME, activate } from '../supabase/functions/activate/handler';
import type { LocalFunction } from '../supabase/local/functions-api';

export const activateFunction: LocalFunction = (runtime) =>
  activate({
    ...runtime,
    createDb: (url, key) =>
      createClient(url, key, {
        auth: { persistSession: false, autoRefreshToken: false },
        // Node 20 has no global WebSocket; supabase-js builds its realtime client eagerly.
        realtime: { transport: ws as unknown as typeof WebSocket },
      }),
    fetch: (url, init) => fetch(url, init),
  });

/** Every function the local stack serves for the app, by name. */
export const ACTIVATE_FUNCTIONS = { [ACTIVATE_NAME]: activateFunction };
