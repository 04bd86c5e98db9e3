import { useI18n } from '../../ui/i18n/I18nProvider';
import { PendingPeople, PushReachLine } from './AckReach';
import { RemindButton } from './RemindButton';
import { useAckStatus } from './use-ack-status';

/** Who has acknowledged the current version of one sent briefing: needs the network, says so plainly when it is missing. */
export function AckStatusView({ briefingId, title, onBack }: { briefingId: string; title: string; onBack(): void }) {
  const { t, date } = useI18n();
  const { status, loadedAt, loading, problem, refresh } = useAckStatus(briefingId);
  return (
    <section className="compose-reach" aria-labelledby="compose-reach-heading" data-testid="ack-status">
      <h2 id="compose-reach-heading" tabIndex={-1}>
        {t('compose.ack.heading')}
      </h2>
      <p className="compose-reach__title">{title}</p>
      {problem?.kind === 'offline' ? (
        <p role="status" className="warning">
          {t('compose.ack.offline')}
        </p>
      ) : null}
      {problem?.kind === 'failed' ? (
        <p role="alert" className="error">
          {t('compose.ack.failed', { detail: problem.detail })}
        </p>
      ) : null}
      {!status && loading ? <p className="muted">{t('compose.ack.loading')}</p> : null}
      {status ? (
        <>
          <p className="compose-reach__summary" data-testid="ack-summary">
            {t('compose.ack.summary', { acked: status.acked, total: status.total })}
          </p>
          <PushReachLine push={status.push} pending={status.total - status.acked} />
          <p className="meta">
            {t('compose.ack.version', { version: status.version })}
            {loadedAt ? ` · ${t('compose.ack.updated', { when: date(loadedAt, 'time') })}` : ''}
          </p>
          {!status.requires_ack ? <p className="meta">{t('compose.ack.notRequired')}</p> : null}
          {status.ack_due_at ? (
            <p className={status.overdue ? 'compose-reach__due compose-reach__due--overdue' : 'compose-reach__due'}>
              {t(status.overdue ? 'compose.ack.overdue' : 'compose.ack.due', { when: date(status.ack_due_at) })}
            </p>
          ) : null}
          {status.by_store.length > 0 ? (
            <>
              <h3>{t('compose.ack.byStore')}</h3>
              <ul className="compose-reach__stores">
                {status.by_store.map((s) => (
                  <li key={s.store_id}>{t('compose.ack.storeLine', { store: s.store_name, acked: s.acked, total: s.total })}</li>
                ))}
              </ul>
            </>
          ) : null}
          <h3>{t('compose.ack.pending')}</h3>
          {status.pending.length === 0 ? <p>{t('compose.ack.allDone')}</p> : <PendingPeople people={status.pending} overdue={status.overdue} />}
          {status.pending.length > 0 ? <RemindButton briefingId={briefingId} onQueued={refresh} /> : null}
        </>
      ) : null}
      <div className="compose-actions">
        <button type="button" className="primary" onClick={refresh} disabled={loading}>
          {t('compose.ack.refresh')}
        </button>
        <button type="button" onClick={onBack}>
          {t('compose.ack.back')}
        </button>
      </div>
    </section>
  );
}
