/**
 * Calls that need the network and answer at once (reports, reach, the compose
 * directory, the audit CSV stream): typed RPCs whose failures come back as
 * values. Screens get this through the session, never supabase-js itself, and
 * show "needs a connection" when a call answers { kind: 'network' }.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { callRpc, type RpcOutcome } from './supabase/rpc';
import { streamRpcCsv, type CsvRpcName, type CsvStreamOutcome } from './supabase/rpc-csv';
import type { RpcArgs, RpcName, RpcResult } from './supabase/types';

export interface OnlineApi {
  call<N extends RpcName>(name: N, args: RpcArgs[N]): Promise<RpcOutcome<RpcResult<N>>>;
  /** A set-returning RPC as CSV; the body arrives as a stream, so a million rows never sit in memory. */
  csv<N extends CsvRpcName>(name: N, args: RpcArgs[N], signal: AbortSignal): Promise<CsvStreamOutcome>;
}

/** Where the client's API lives; supabase-js keeps these to itself. */
export interface ApiAddress {
  url: string;
  anonKey: string;
}

export function supabaseOnlineApi(client: SupabaseClient, address: ApiAddress): OnlineApi {
  return {
    call: (name, args) => callRpc(client, name, args),
    csv: (name, args, signal) =>
      streamRpcCsv(
        // getSession() refreshes an expired token first, as client.rpc() would.
        { ...address, accessToken: async () => (await client.auth.getSession()).data.session?.access_token ?? null },
        name, args, signal,
      ),
  };
}
