/**
 * HR's admin log (#12 item 5): every change to stores, departments and people,
 * newest first, filtered by change and dates, a page at a time; the same
 * filters export as CSV, streamed to a file like the acknowledgement export.
 */
import { useEffect, useRef, useState } from 'react';
import { auditLogPage, exportAuditLogCsv } from '../../data/admin/audit-log';
import type { AdminFailure } from '../../data/admin/outcome';
import { openCsvFile } from '../../data/insights/csv-file-sink';
import { ADMIN_ACTIONS, type AdminAction, type AdminAuditCursor, type AdminAuditEntry, type AdminAuditFilters } from '../../data/supabase/types';
import { exportRange } from '../../domain/compliance';
import { formatDate } from '../../ui/i18n/dates';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { useSession } from '../../ui/session-context';
import { AdminProblem } from './AdminProblem';
import { ACTION_WORDS, LOG_FIELD_WORDS, logValueWords } from './admin-words';
import { changeLines } from './log-entry';
import { usePaged } from './use-admin';
import './admin.css';

/** The log's filters from the form: dates are whole local days, the end day included. */
export function logFilters(action: '' | AdminAction, from: string, to: string): AdminAuditFilters {
  const range = exportRange(from, to);
  const filters: AdminAuditFilters = {};
  if (action) filters.action = action;
  if (range.p_from) filters.from = range.p_from;
  if (range.p_to) filters.to = range.p_to;
  return filters;
}

export function AdminLogScreen() {
  const { api } = useSession();
  const { t } = useI18n();
  const [action, setAction] = useState<'' | AdminAction>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const badRange = from !== '' && to !== '' && to < from;
  const filters = badRange ? {} : logFilters(action, from, to);
  const log = usePaged(api, JSON.stringify(filters), async (online, after: AdminAuditCursor | null, signal) => {
    const outcome = await auditLogPage(online, filters, after, undefined, signal);
    return outcome.ok ? { ok: true, data: { rows: outcome.data.entries, next: outcome.data.next } } : outcome;
  });

  return (
    <section className="admin" aria-labelledby="log-heading">
      <h1 id="log-heading">{t('admin.log.title')}</h1>
      <p className="muted">{t('admin.log.intro')}</p>
      <form className="admin-filters admin-filters--log" onSubmit={(event) => event.preventDefault()}>
        <div>
          <label htmlFor="log-action">{t('admin.log.action')}</label>
          <select id="log-action" value={action} onChange={(e) => setAction(e.target.value as '' | AdminAction)}>
            <option value="">{t('admin.filter.any')}</option>
            {ADMIN_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(ACTION_WORDS[a])}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="log-from">{t('admin.log.from')}</label>
          <input id="log-from" type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div>
          <label htmlFor="log-to">{t('admin.log.to')}</label>
          <input
            id="log-to"
            type="date"
            value={to}
            min={from || undefined}
            aria-invalid={badRange || undefined}
            aria-describedby={badRange ? 'log-range-error' : undefined}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
      </form>
      <p id="log-range-error" className="error" aria-live="polite">
        {badRange ? t('admin.log.badRange') : ''}
      </p>
      <LogExport filters={filters} disabled={badRange} />
      {log.failure ? <AdminProblem failure={log.failure} onRetry={log.reload} /> : null}
      <p className="muted" role="status" aria-live="polite">
        {log.loading && log.rows.length === 0 ? t('admin.loading') : log.rows.length === 0 && !log.failure ? t('admin.log.none') : ''}
      </p>
      <ol className="admin-log" data-testid="admin-log">
        {log.rows.map((entry) => (
          <LogEntry key={entry.id} entry={entry} />
        ))}
      </ol>
      {log.hasMore ? (
        <button type="button" className="admin__more" disabled={log.loadingMore} onClick={log.loadMore}>
          {log.loadingMore ? t('admin.loading') : t('admin.loadMore')}
        </button>
      ) : null}
    </section>
  );
}

/** Actions whose after holds facts about the event (a code's expiry), not fields that were set. */
const FACTS: ReadonlySet<AdminAction> = new Set(['activation_code_issued', 'person_activated']);

function LogEntry({ entry }: { entry: AdminAuditEntry }) {
  const { t, locale } = useI18n();
  const target =
    entry.member?.display_name ?? (entry.store ? [entry.store.name, entry.store.code].filter(Boolean).join(' · ') : null) ?? entry.department?.name ?? '';
  return (
    <li className="admin-card admin-log__entry">
      <p className="admin-card__title">
        <span>
          <strong>{t(ACTION_WORDS[entry.action])}</strong>
          {target ? `: ${target}` : ''}
        </span>
        <time dateTime={entry.at} className="muted">
          {formatDate(locale, entry.at)}
        </time>
      </p>
      <p className="muted">{t('admin.log.by', { actor: entry.actor.display_name ?? '—' })}</p>
      <ul className="admin-log__changes">
        {changeLines(
          entry,
          logValueWords(t, (iso) => formatDate(locale, iso)),
        ).map((line) => {
          const key = LOG_FIELD_WORDS[line.field];
          const field = key ? t(key) : line.field;
          return (
            <li key={line.field}>
              {line.before === null
                ? FACTS.has(entry.action)
                  ? `${field}: ${line.after}`
                  : t('admin.log.set', { field, after: line.after })
                : t('admin.log.change', { field, before: line.before, after: line.after })}
            </li>
          );
        })}
      </ul>
      {entry.reason ? <p>{t('admin.log.reason', { reason: entry.reason })}</p> : null}
    </li>
  );
}

type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; rows: number }
  | { phase: 'done'; rows: number }
  | { phase: 'failed'; failure: AdminFailure | { kind: 'cancelled' } | { kind: 'write'; message: string } };

function LogExport({ filters, disabled }: { filters: AdminAuditFilters; disabled: boolean }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  async function start() {
    if (state.phase === 'running') return;
    if (!api) {
      setState({ phase: 'failed', failure: { kind: 'offline' } });
      return;
    }
    const stamp = new Date().toISOString().slice(0, 10);
    const file = await openCsvFile(`frontline-admin-log-${stamp}.csv`);
    if (!file.ok) {
      setState(file.reason === 'cancelled' ? { phase: 'idle' } : { phase: 'failed', failure: { kind: 'write', message: file.message } });
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'running', rows: 0 });
    const outcome = await exportAuditLogCsv({
      api,
      filters,
      sink: file.sink,
      signal: abort.signal,
      onProgress: (rows) => setState({ phase: 'running', rows }),
    });
    controller.current = null;
    setState(outcome.ok ? { phase: 'done', rows: outcome.rows } : { phase: 'failed', failure: outcome.failure });
  }

  const failure = state.phase === 'failed' ? state.failure : null;
  return (
    <div className="admin-export">
      <div className="admin-form__actions">
        <button type="button" className="primary" disabled={disabled || state.phase === 'running'} onClick={() => void start()}>
          {t('admin.log.export')}
        </button>
        {state.phase === 'running' ? (
          <button type="button" className="danger" onClick={() => controller.current?.abort()}>
            {t('admin.cancel')}
          </button>
        ) : null}
      </div>
      <div role="status" aria-live="polite" data-testid="log-export-outcome">
        {state.phase === 'running' ? <p>{t('admin.log.exporting', { count: state.rows })}</p> : null}
        {state.phase === 'done' ? <p>{t('admin.log.exported', { count: state.rows })}</p> : null}
        {failure?.kind === 'cancelled' ? <p className="muted">{t('admin.log.cancelled')}</p> : null}
        {failure?.kind === 'write' ? <p className="error">{t('admin.log.writeFailed', { detail: failure.message })}</p> : null}
      </div>
      {failure && failure.kind !== 'cancelled' && failure.kind !== 'write' ? <AdminProblem failure={failure} /> : null}
    </div>
  );
}
