/**
 * Loads training_report when the view opens and on retry. It needs the
 * network; a failure is a state with a reason on screen, never an exception.
 */
import { useEffect, useState } from 'react';
import type { OnlineApi } from '../../data/online-api';
import type { RpcFailure } from '../../data/supabase/rpc';
import type { TrainingReport } from '../../data/supabase/types';

export type TrainingReportFailure = { kind: 'offline' } | { kind: 'forbidden' } | { kind: 'failed'; detail: string };

export interface TrainingReportState {
  report: TrainingReport | null;
  loading: boolean;
  failure: TrainingReportFailure | null;
}

export function useTrainingReport(api: OnlineApi | null): TrainingReportState & { retry(): void } {
  const [state, setState] = useState<TrainingReportState>({ report: null, loading: true, failure: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!api) {
      // The services load after the first paint; with no network they may never answer, so say so.
      if (!navigator.onLine) setState({ report: null, loading: false, failure: { kind: 'offline' } });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, loading: true, failure: null }));
    void api.call('training_report', {}).then((outcome) => {
      if (!current) return;
      setState((previous) => outcome.ok
        ? { report: outcome.data, loading: false, failure: null }
        : { report: previous.report, loading: false, failure: failureOf(outcome.error) });
    });
    return () => {
      current = false;
    };
  }, [api, attempt]);

  return { ...state, retry: () => setAttempt((n) => n + 1) };
}

function failureOf(error: RpcFailure): TrainingReportFailure {
  if (error.kind === 'network') return { kind: 'offline' };
  if (error.kind === 'http' && error.status === 403) return { kind: 'forbidden' };
  return { kind: 'failed', detail: error.message };
}
