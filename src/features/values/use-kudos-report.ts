/**
 * Loads kudos_report for a period whenever the period, the API or a retry
 * asks for it. Online only: nothing is cached, and a failure is a state with
 * a reason, never an exception.
 */
import { useEffect, useState } from 'react';
import type { OnlineApi } from '../../data/online-api';
import type { KudosReport } from '../../data/supabase/types';
import { onlineFailure, type OnlineFailure } from './online-failure';

export interface KudosReportState {
  report: KudosReport | null;
  loading: boolean;
  failure: OnlineFailure | null;
}

export function useKudosReport(api: OnlineApi | null, days: number): KudosReportState & { retry(): void } {
  const [state, setState] = useState<KudosReportState>({ report: null, loading: true, failure: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!api) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true, failure: null }));
    void api.call('kudos_report', { p_days: days }).then((outcome) => {
      if (!current) return;
      setState((previous) => outcome.ok
        ? { report: outcome.data, loading: false, failure: null }
        : { report: previous.report, loading: false, failure: onlineFailure(outcome.error) });
    });
    return () => {
      current = false;
    };
  }, [api, days, attempt]);

  return { ...state, retry: () => setAttempt((n) => n + 1) };
}
