/**
 * Loading for the admin screens: one online call into state (the last answer
 * stays while the next loads; a failure is an AdminFailure, never a throw), and
 * a keyset-paged list that starts again whenever its query changes.
 */
import { useEffect, useRef, useState } from 'react';
import type { AdminFailure, AdminOutcome } from '../../data/admin/outcome';
import type { OnlineApi } from '../../data/online-api';

export interface AdminLoad<T> {
  data: T | null;
  loading: boolean;
  failure: AdminFailure | null;
  reload(): void;
}

const OFFLINE: AdminFailure = { kind: 'offline' };

export function useAdminLoad<T>(api: OnlineApi | null, key: string, load: (api: OnlineApi, signal: AbortSignal) => Promise<AdminOutcome<T>>): AdminLoad<T> {
  const [state, setState] = useState<{ data: T | null; loading: boolean; failure: AdminFailure | null }>({ data: null, loading: true, failure: null });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is new each render; `key` names its arguments and `attempt` counts reload()s.
  useEffect(() => {
    if (!api) {
      if (!navigator.onLine) setState({ data: null, loading: false, failure: OFFLINE });
      return;
    }
    const abort = new AbortController();
    setState((previous) => ({ ...previous, loading: true, failure: null }));
    void load(api, abort.signal).then((outcome) => {
      if (abort.signal.aborted) return;
      setState((previous) =>
        outcome.ok ? { data: outcome.data, loading: false, failure: null } : { data: previous.data, loading: false, failure: outcome.failure },
      );
    });
    return () => abort.abort();
  }, [api, key, attempt]);
  return { ...state, reload: () => setAttempt((n) => n + 1) };
}

export interface Paged<Row> {
  rows: Row[];
  /** A first page is loading (the list is empty or shows the previous query's rows). */
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  failure: AdminFailure | null;
  loadMore(): void;
  reload(): void;
}

type Page<Row, Cursor> = { rows: Row[]; next: Cursor | null };

export function usePaged<Row, Cursor>(
  api: OnlineApi | null,
  key: string,
  load: (api: OnlineApi, after: Cursor | null, signal: AbortSignal) => Promise<AdminOutcome<Page<Row, Cursor>>>,
): Paged<Row> {
  const first = useAdminLoad(api, key, (online, signal) => load(online, null, signal));
  const [more, setMore] = useState<{ key: string; rows: Row[]; next: Cursor | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailure, setMoreFailure] = useState<AdminFailure | null>(null);
  const current = useRef(key);
  current.current = key;

  const base = first.data;
  const extra = more && more.key === key && base ? more : null;
  const rows = base ? [...base.rows, ...(extra?.rows ?? [])] : [];
  const next = extra ? extra.next : (base?.next ?? null);

  // A new query or a reload forgets the pages loaded after the first.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the first page changes.
  useEffect(() => {
    setMore(null);
    setMoreFailure(null);
  }, [base]);

  function loadMore() {
    if (!api || next === null || loadingMore) {
      if (!api) setMoreFailure(OFFLINE);
      return;
    }
    const asked = key;
    setLoadingMore(true);
    setMoreFailure(null);
    void load(api, next, new AbortController().signal).then((outcome) => {
      setLoadingMore(false);
      if (current.current !== asked) return;
      if (!outcome.ok) {
        setMoreFailure(outcome.failure);
        return;
      }
      setMore((previous) => ({
        key: asked,
        rows: [...(previous && previous.key === asked ? previous.rows : []), ...outcome.data.rows],
        next: outcome.data.next,
      }));
    });
  }

  return {
    rows,
    loading: first.loading,
    loadingMore,
    hasMore: next !== null,
    failure: first.failure ?? moreFailure,
    loadMore,
    reload: first.reload,
  };
}
