/**
 * Calls a screen makes online (reports, the inbox, replies), loaded into
 * state: the last answer stays on screen while the next one loads, and a
 * failure is a state with a reason, never an exception.
 */
import { useEffect, useState } from 'react';
import type { OnlineApi } from '../data/online-api';
import type { RpcFailure, RpcOutcome } from '../data/supabase/rpc';

/** What went wrong with an online-only call; `code` is the server's stable detail, when it gave one. */
export type OnlineFailure = { kind: 'offline' } | { kind: 'forbidden' } | { kind: 'failed'; detail: string; code: string | null };

export function onlineFailure(error: RpcFailure): OnlineFailure {
  if (error.kind === 'network') return { kind: 'offline' };
  if (error.kind === 'http' && (error.status === 403 || error.code === '42501')) return { kind: 'forbidden' };
  return { kind: 'failed', detail: error.message, code: error.kind === 'http' ? error.details : null };
}

export interface OnlineState<T> {
  data: T | null;
  loading: boolean;
  failure: OnlineFailure | null;
  reload(): void;
}

/**
 * Runs `load` whenever `key` changes or reload() is called. Before the API has
 * loaded it waits (loading), unless the phone is offline: the services load
 * after the first paint and may then never answer, so it says offline at once.
 */
export function useOnlineCall<T>(api: OnlineApi | null, key: string, load: (api: OnlineApi) => Promise<RpcOutcome<T>>): OnlineState<T> {
  const [state, setState] = useState<{ data: T | null; loading: boolean; failure: OnlineFailure | null }>({ data: null, loading: true, failure: null });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is a new function each render (a dependency would call it again every render); `key` names its arguments and `attempt` counts reload()s.
  useEffect(() => {
    if (!api) {
      if (!navigator.onLine) setState({ data: null, loading: false, failure: { kind: 'offline' } });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, loading: true, failure: null }));
    void load(api).then((outcome) => {
      if (!current) return;
      setState((previous) =>
        outcome.ok ? { data: outcome.data, loading: false, failure: null } : { data: previous.data, loading: false, failure: onlineFailure(outcome.error) },
      );
    });
    return () => {
      current = false;
    };
  }, [api, key, attempt]);

  return { ...state, reload: () => setAttempt((n) => n + 1) };
}
