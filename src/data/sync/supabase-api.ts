/**
 * The sync engine's API over supabase-js: typed RPC calls plus a session
 * refresh that tells "offline" apart from "signed out", so a dead network is
 * never mistaken for a lost session.
 */
import { isAuthRetryableFetchError, type SupabaseClient } from '@supabase/supabase-js';
import { callRpc } from '../supabase/rpc';
import type { SyncApi } from './engine';

export function supabaseSyncApi(client: SupabaseClient): SyncApi {
  return {
    pull: (cursor, limit) => callRpc(client, 'sync_pull', { p_cursor: cursor, p_limit: limit }),
    push: (mutations) => callRpc(client, 'sync_push', { p_mutations: mutations }),
    async refreshSession() {
      try {
        forgetNetworkRefreshFailure(client);
        const { data, error } = await client.auth.refreshSession();
        if (data.session) return 'refreshed';
        return error && isAuthRetryableFetchError(error) ? 'offline' : 'signed_out';
      } catch {
        return 'offline';
      }
    },
  };
}

/**
 * supabase-js remembers a failed refresh for a minute and answers every refresh
 * with the same refresh token in that time with it, without trying (meant to stop
 * hammering the server with a broken token). A phone that was offline with an
 * expired token has such a failure remembered, a network one: kept, it would hold
 * sync on "no connection" for up to a minute after the network is back. The engine
 * asks for a refresh only after the server answered 401, so the network is there
 * now: a remembered *network* failure is forgotten (refusals stay remembered).
 * Refreshing itself stays inside supabase-js (one refresh at a time, across tabs).
 */
function forgetNetworkRefreshFailure(client: SupabaseClient): void {
  const auth = client.auth as unknown as { lastRefreshFailure?: { result?: { error?: unknown } } | null };
  if (isAuthRetryableFetchError(auth.lastRefreshFailure?.result?.error)) auth.lastRefreshFailure = null;
}
