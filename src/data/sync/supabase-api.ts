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
        const { data, error } = await client.auth.refreshSession();
        if (data.session) return 'refreshed';
        return error && isAuthRetryableFetchError(error) ? 'offline' : 'signed_out';
      } catch {
        return 'offline';
      }
    },
  };
}
