import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type AuditExportFailure, type ExportProgress, exportAuditCsv } from '../../data/insights/audit-export';
import { openCsvFile } from '../../data/insights/csv-file-sink';
import type { OnlineApi } from '../../data/online-api';
import { exportFileName, exportRange } from '../../domain/compliance';
import { useI18n } from '../../ui/i18n/I18nProvider';
import type { Translate } from '../../ui/i18n/messages';

type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: ExportProgress | null }
  | { phase: 'done'; rows: number; toDisk: boolean }
  | { phase: 'failed'; error: AuditExportFailure | { kind: 'badRange' } };

function failureText(t: Translate, error: AuditExportFailure | { kind: 'badRange' }): string {
  switch (error.kind) {
    case 'badRange':
      return t('insights.export.badRange');
    case 'offline':
      return t('insights.export.error.offline');
    case 'signin':
      return t('insights.export.error.signin');
    case 'forbidden':
      return t('insights.export.error.forbidden');
    case 'cancelled':
      return t('insights.export.cancelled');
    case 'interrupted':
      return t('insights.export.error.interrupted');
    case 'count_mismatch':
      return t('insights.export.error.countMismatch', { expected: error.expected, received: error.received });
    case 'server':
      return t('insights.export.error.server', { detail: error.message });
    case 'write':
      return t('insights.export.error.write', { detail: error.message });
  }
}

/** HR's audit trail as CSV: optional dates, then a stream to a file with live row counts and a cancel button. */
export function AuditExport({ api }: { api: OnlineApi | null }) {
  const { t } = useI18n();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  // Leaving the screen stops an export rather than writing on into a file nobody watches.
  useEffect(() => () => controller.current?.abort(), []);

  async function start(event: FormEvent) {
    event.preventDefault();
    if (!api || state.phase === 'running') return;
    if (from && to && to < from) {
      setState({ phase: 'failed', error: { kind: 'badRange' } });
      return;
    }
    const file = await openCsvFile(exportFileName(new Date()));
    if (!file.ok) {
      setState(file.reason === 'cancelled' ? { phase: 'idle' } : { phase: 'failed', error: { kind: 'write', message: file.message } });
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'running', progress: null });
    const outcome = await exportAuditCsv({
      api,
      range: exportRange(from, to),
      sink: file.sink,
      signal: abort.signal,
      onProgress: (progress) => setState({ phase: 'running', progress }),
    });
    controller.current = null;
    setState(outcome.ok ? { phase: 'done', rows: outcome.rows, toDisk: file.streamsToDisk } : { phase: 'failed', error: outcome.error });
  }

  const running = state.phase === 'running';
  const progress = running ? state.progress : null;
  return (
    <section className="panel export" aria-labelledby="export-heading">
      <h2 id="export-heading" className="panel__title">
        {t('insights.export.title')}
      </h2>
      <p className="muted">{t('insights.export.intro')}</p>
      <form onSubmit={(event) => void start(event)}>
        <div className="export__dates">
          <div>
            <label htmlFor="export-from">{t('insights.export.from')}</label>
            <input id="export-from" type="date" value={from} max={to || undefined} disabled={running} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div>
            <label htmlFor="export-to">{t('insights.export.to')}</label>
            <input id="export-to" type="date" value={to} min={from || undefined} disabled={running} onChange={(e) => setTo(e.target.value)} />
          </div>
        </div>
        <div className="export__actions">
          <button type="submit" className="primary" disabled={!api || running}>
            {t('insights.export.start')}
          </button>
          {running ? (
            <button type="button" className="danger" onClick={() => controller.current?.abort()}>
              {t('insights.export.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      {running ? (
        <div className="export__progress">
          <progress
            aria-label={t('insights.export.progressLabel')}
            max={Math.max(1, progress?.total ?? 1)}
            value={progress?.total ? progress.rows : undefined}
          />
          <p data-testid="export-progress">
            {progress?.total == null ? t('insights.export.counting') : t('insights.export.progress', { done: progress.rows, total: progress.total })}
          </p>
        </div>
      ) : null}
      <div role="status" aria-live="polite" data-testid="export-outcome">
        {state.phase === 'done' ? (
          <p className="export__done">{t(state.toDisk ? 'insights.export.savedToDisk' : 'insights.export.downloaded', { count: state.rows })}</p>
        ) : null}
        {state.phase === 'failed' ? <p className={state.error.kind === 'cancelled' ? 'muted' : 'error'}>{failureText(t, state.error)}</p> : null}
      </div>
    </section>
  );
}
