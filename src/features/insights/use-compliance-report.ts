/**
 * Loads compliance_report for a period whenever the period, the API or a retry
 * asks for it. The last report stays on screen while the next one loads, and a
 * failure is a state with a reason, never an exception.
 */
import { useEffect, useState } from 'react';
import type { OnlineApi } from '../../data/online-api';
import type { RpcFailure } from '../../data/supabase/rpc';
import type { ComplianceReport } from '../../data/supabase/types';

export type ReportFailure = { kind: 'offline' } | { kind: 'forbidden' } | { kind: 'failed'; detail: string };

export interface ReportState {
  report: ComplianceReport | null;
  loading: boolean;
  failure: ReportFailure | null;
}

export function useComplianceReport(api: OnlineApi | null, days: number): ReportState & { retry(): void } {
  const [state, setState] = useState<ReportState>({ report: null, loading: true, failure: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!api) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true, failure: null }));
    void api.call('compliance_report', { p_days: days }).then((outcome) => {
      if (!current) return;
      setState((previous) => outcome.ok
        ? { report: outcome.data, loading: false, failure: null }
        : { report: previous.report, loading: false, failure: reportFailure(outcome.error) });
    });
    return () => {
      current = false;
    };
  }, [api, days, attempt]);

  return { ...state, retry: () => setAttempt((n) => n + 1) };
}

function reportFailure(error: RpcFailure): ReportFailure {
  if (error.kind === 'network') return { kind: 'offline' };
  if (error.kind === 'http' && error.status === 403) return { kind: 'forbidden' };
  return { kind: 'failed', detail: error.message };
}
