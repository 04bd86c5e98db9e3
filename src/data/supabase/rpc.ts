/**
 * Typed RPC calls: the arguments and the parsed result of every function in
 * types.ts. Expected failures (network, HTTP errors, a body that does not match
 * the contract) come back as values, so callers decide what the user sees.
 */
import type { PostgrestSingleResponse, SupabaseClient } from '@supabase/supabase-js';
import { RPC, type RpcArgs, type RpcName, type RpcResult } from './types';

export type RpcFailure =
  | { kind: 'network'; message: string }
  | { kind: 'http'; status: number; code: string; message: string; details: string | null }
  | { kind: 'contract'; message: string };

export type RpcOutcome<T> = { ok: true; data: T } | { ok: false; error: RpcFailure };

export async function callRpc<N extends RpcName>(client: SupabaseClient, name: N, args: RpcArgs[N], signal?: AbortSignal): Promise<RpcOutcome<RpcResult<N>>> {
  // The data is checked against the contract below, so its type here is unknown.
  let response: PostgrestSingleResponse<unknown>;
  try {
    const request = client.rpc(name, args);
    response = await (signal ? request.abortSignal(signal) : request);
  } catch (thrown) {
    return { ok: false, error: { kind: 'network', message: String(thrown) } };
  }
  const { data, error, status } = response;
  if (error) {
    // supabase-js reports fetch failures as status 0 with a TypeError message.
    if (!status) return { ok: false, error: { kind: 'network', message: error.message } };
    return {
      ok: false,
      error: { kind: 'http', status, code: error.code, message: error.message, details: error.details ?? null },
    };
  }
  const parsed = RPC[name].result.safeParse(data);
  if (!parsed.success) {
    return { ok: false, error: { kind: 'contract', message: `${name} answered an unexpected shape: ${parsed.error.message}` } };
  }
  return { ok: true, data: parsed.data as RpcResult<N> };
}
