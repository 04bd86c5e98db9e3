/**
 * Calls that need the network and answer at once (reports, reach, the compose
 * directory): typed RPCs whose failures come back as values. Screens get this
 * through the session, never supabase-js itself, and show "needs a connection"
 * when a call answers { kind: 'network' }.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { callRpc, type RpcOutcome } from './supabase/rpc';
import type { RpcArgs, RpcName, RpcResult } from './supabase/types';

export interface OnlineApi {
  call<N extends RpcName>(name: N, args: RpcArgs[N]): Promise<RpcOutcome<RpcResult<N>>>;
}

export function supabaseOnlineApi(client: SupabaseClient): OnlineApi {
  return {
    call: (name, args) => callRpc(client, name, args),
  };
}
