import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { readMeta } from '../../data/db';
import type { RpcFailure } from '../../data/supabase/rpc';
import type { BriefingAckStatus } from '../../data/supabase/types';
import { useSession } from '../../ui/session-context';
import { useOnline } from '../../ui/use-online';

export interface AckStatusView {
  /** The last answer, kept on screen when a later refresh fails. */
  status: BriefingAckStatus | null;
  loadedAt: Date | null;
  loading: boolean;
  problem: { kind: 'offline' } | { kind: 'failed'; detail: string } | null;
  refresh(): void;
}

function problemOf(error: RpcFailure): AckStatusView['problem'] {
  if (error.kind === 'network') return { kind: 'offline' };
  return { kind: 'failed', detail: error.message };
}

/** Who has acknowledged a briefing, from the server: on open, after each sync, and on request. */
export function useAckStatus(briefingId: string): AckStatusView {
  const { db, api, commands } = useSession();
  const online = useOnline();
  const lastSynced = useLiveQuery(() => readMeta(db).then((meta) => meta.last_synced_at), [db]);
  const [requests, setRequests] = useState(0);
  const [state, setState] = useState<Omit<AckStatusView, 'refresh'>>({ status: null, loadedAt: null, loading: true, problem: null });

  // biome-ignore lint/correctness/useExhaustiveDependencies: lastSynced and requests are triggers, not inputs: they ask again after each sync and on refresh().
  useEffect(() => {
    if (!online) {
      setState((s) => ({ ...s, loading: false, problem: { kind: 'offline' } }));
      return;
    }
    if (!api) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    void api.call('briefing_ack_status', { p_briefing_id: briefingId }).then((outcome) => {
      if (!current) return;
      setState((s) =>
        outcome.ok
          ? { status: outcome.data, loadedAt: commands.now(), loading: false, problem: null }
          : { ...s, loading: false, problem: problemOf(outcome.error) },
      );
    });
    return () => {
      current = false;
    };
  }, [api, commands, briefingId, online, lastSynced, requests]);

  const refresh = useCallback(() => setRequests((n) => n + 1), []);
  return { ...state, refresh };
}
