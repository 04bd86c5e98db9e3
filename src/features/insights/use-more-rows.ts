import { useState } from 'react';
import type { RpcOutcome } from '../../data/supabase/rpc';
import { type OnlineFailure, onlineFailure } from '../../ui/use-online-call';

export interface MoreRows<Row> {
  rows: Row[];
  /** Another page follows. */
  more: boolean;
  loading: boolean;
  failure: OnlineFailure | null;
  showMore(): void;
}

interface Loaded<Row, Key> {
  of: readonly Row[];
  rows: Row[];
  next: Key | null;
  loading: boolean;
  failure: OnlineFailure | null;
}

/**
 * A list the summary started (its first rows and the key of the rest) grown
 * page by page. A new summary starts it again; a page asked for an older one
 * is dropped. Each page counts afresh, so an acknowledgement arriving between
 * pages can move a row across the boundary: a row already shown is not repeated.
 */
export function useMoreRows<Row, Key>(
  first: readonly Row[],
  firstNext: Key | null,
  idOf: (row: Row) => string,
  load: (key: Key) => Promise<RpcOutcome<{ rows: Row[]; next: Key | null }>>,
): MoreRows<Row> {
  const [state, setState] = useState<Loaded<Row, Key> | null>(null);
  const current: Loaded<Row, Key> = state?.of === first ? state : { of: first, rows: [...first], next: firstNext, loading: false, failure: null };

  async function showMore() {
    const key = current.next;
    if (key === null || current.loading) return;
    setState({ ...current, loading: true, failure: null });
    const outcome = await load(key);
    setState((latest) => {
      if (latest?.of !== first) return latest;
      if (!outcome.ok) return { ...latest, loading: false, failure: onlineFailure(outcome.error) };
      const shown = new Set(latest.rows.map(idOf));
      return { ...latest, rows: [...latest.rows, ...outcome.data.rows.filter((row) => !shown.has(idOf(row)))], next: outcome.data.next, loading: false };
    });
  }

  return { rows: current.rows, more: current.next !== null, loading: current.loading, failure: current.failure, showMore: () => void showMore() };
}
