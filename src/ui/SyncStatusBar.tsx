import { useLiveQuery } from 'dexie-react-hooks';
import { readMeta } from '../data/db';
import { outboxSummary } from '../data/outbox';
import type { SyncProblem } from '../data/sync/engine';
import { useI18n } from './i18n/I18nProvider';
import type { I18n } from './i18n/i18n';
import { useSession } from './session-context';
import { useOnline } from './use-online';
import { useSyncStatus } from './use-sync-status';

function timeAgo({ t, date }: I18n, iso: string, now: number): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return t('time.justNow');
  if (minutes < 60) return t('time.minutesAgo', { count: minutes });
  const hours = Math.round(minutes / 60);
  return hours < 24 ? t('time.hoursAgo', { count: hours }) : date(iso, 'date');
}

export function problemText({ t }: I18n, problem: SyncProblem): string {
  switch (problem.code) {
    case 'no_connection':
      return t('sync.problem.noConnection');
    case 'busy':
      return t('sync.problem.busy', { status: String(problem.status) });
    case 'outdated_app':
      return t('sync.problem.outdated');
    case 'deactivated':
      return t('sync.problem.deactivated');
    case 'forbidden':
      return t('sync.problem.forbidden');
    case 'refused':
      return t('sync.problem.refused', { detail: problem.detail });
    case 'unexpected':
      return t('sync.problem.unexpected', { detail: problem.detail });
    case 'storage_full':
      return t('sync.problem.storageFull');
    case 'signin':
      return t('sync.problem.signin');
  }
}

/**
 * One line everyone understands: offline / syncing / N waiting to send / last
 * synced, a first sync's progress, and problems in words, with the way out
 * where there is one (sign in again, see what was refused).
 */
export function SyncStatusBar({ onShowProblems }: { onShowProblems: () => void }) {
  const { db, engine, signOut } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const online = useOnline();
  const status = useSyncStatus(engine);
  const outbox = useLiveQuery(() => outboxSummary(db), [db]);
  const meta = useLiveQuery(() => readMeta(db), [db]);
  const waiting = outbox?.waiting ?? 0;
  const rejected = outbox?.rejected.length ?? 0;

  const parts: string[] = [];
  if (!online) parts.push(t('sync.offline'));
  else if (status.phase === 'syncing') parts.push(meta?.first_sync ? firstSyncText(i18n, meta.first_sync) : t('sync.syncing'));
  else if (status.phase === 'signin_required') parts.push(t('sync.signinRequired'));
  else if (status.phase === 'retrying') parts.push(status.problem?.code === 'storage_full' ? t('sync.storageFull') : t('sync.retrying'));
  else if (status.phase === 'stopped') parts.push(t('sync.stopped'));
  parts.push(waiting === 0 ? t('sync.everythingSent') : t('sync.waiting', { count: waiting }));
  if (meta?.last_synced_at) parts.push(t('sync.lastSynced', { when: timeAgo(i18n, meta.last_synced_at, Date.now()) }));

  const tone = !online || (status.phase !== 'idle' && status.phase !== 'syncing') ? 'warn' : 'ok';
  return (
    <div
      className={`sync-bar sync-bar--${tone}`}
      role="status"
      aria-live="polite"
      data-testid="sync-status"
      data-waiting={waiting}
      data-phase={online ? status.phase : 'offline'}
    >
      <span>{parts.join(' · ')}</span>
      {status.problem && status.phase !== 'syncing' ? <span className="sync-bar__message">{problemText(i18n, status.problem)}</span> : null}
      {online && status.phase === 'signin_required' ? (
        // Back to the sign-in screen: this person's phone data and outbox stay, and return with the same sign-in.
        <button type="button" onClick={() => void signOut()}>
          {t('sync.signIn')}
        </button>
      ) : null}
      {rejected > 0 ? (
        <button type="button" className="link-button" onClick={onShowProblems}>
          {t('sync.refused', { count: rejected })}
        </button>
      ) : null}
    </div>
  );
}

function firstSyncText({ t }: I18n, progress: { done: number; total: number | null }): string {
  return progress.total ? t('sync.firstSync', { done: progress.done, total: progress.total }) : t('sync.firstSyncSoFar', { done: progress.done });
}
