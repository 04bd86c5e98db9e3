/**
 * Calls that need the network and answer at once (reports, reach, the compose
 * directory, the audit export's pages): typed RPCs whose failures come back as
 * values. Screens get this through the session, never supabase-js itself, and
 * show "needs a connection" when a call answers { kind: 'network' }.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { callRpc, type RpcFailure, type RpcOutcome } from './supabase/rpc';
import type { RpcArgs, RpcName, RpcResult } from './supabase/types';

export interface OnlineApi {
  /** With a signal, aborting it cancels the request (the outcome is then a network failure). */
  call<N extends RpcName>(name: N, args: RpcArgs[N], signal?: AbortSignal): Promise<RpcOutcome<RpcResult<N>>>;
}

export function supabaseOnlineApi(client: SupabaseClient): OnlineApi {
  return { call: (name, args, signal) => callRpc(client, name, args, signal) };
}

/** What refreshing a copy kept on the phone came to; on failure the phone keeps the copy it had. */
export type RefreshOutcome = { ok: true } | { ok: false; error: RpcFailure };
