import type { RpcFailure } from '../../data/supabase/rpc';

/** What went wrong with an online-only call, as the Values screens word it; `code` is the server's stable detail. */
export type OnlineFailure = { kind: 'offline' } | { kind: 'forbidden' } | { kind: 'failed'; detail: string; code: string | null };

export function onlineFailure(error: RpcFailure): OnlineFailure {
  if (error.kind === 'network') return { kind: 'offline' };
  if (error.kind === 'http' && (error.status === 403 || error.code === '42501')) return { kind: 'forbidden' };
  return { kind: 'failed', detail: error.message, code: error.kind === 'http' ? error.details : null };
}
