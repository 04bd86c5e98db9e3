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
  /**
   * POSTs `body` to the Edge Function `name` as the signed-in person (their token): its
   * status and JSON body, whatever the status, or null when no answer came. Absent from
   * test doubles that call no function.
   */
  invoke?(name: string, body: unknown): Promise<FunctionAnswer | null>;
}

export interface FunctionAnswer {
  status: number;
  body: unknown;
}

export function supabaseOnlineApi(client: SupabaseClient): OnlineApi {
  return {
    call: (name, args, signal) => callRpc(client, name, args, signal),
    async invoke(name, body) {
      const { data, error } = await client.functions.invoke(name, { body: body as Record<string, unknown> });
      if (!error) return { status: 200, body: data };
      // A non-2xx answer (FunctionsHttpError) carries the Response; anything else never reached the function.
      const response: unknown = (error as { context?: unknown }).context;
      if (error.name !== 'FunctionsHttpError' || !(response instanceof Response)) return null;
      return { status: response.status, body: await response.json().catch(() => null) };
    },
  };
}

/** What refreshing a copy kept on the phone came to; on failure the phone keeps the copy it had. */
export type RefreshOutcome = { ok: true } | { ok: false; error: RpcFailure };
