import { useLiveQuery } from 'dexie-react-hooks';
import { outboxSummary, syncMeta } from '../data/queries';
import { useSession } from './session-context';
import { useOnline } from './use-online';
import { useSyncStatus } from './use-sync-status';

function timeAgo(iso: string, now: number): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 24 ? `${hours} h ago` : new Date(iso).toLocaleDateString();
}

/**
 * One line everyone understands: offline / syncing / N waiting to send / last
 * synced, a first sync's progress, and problems in words.
 */
export function SyncStatusBar({ onShowProblems }: { onShowProblems: () => void }) {
  const { db, engine } = useSession();
  const online = useOnline();
  const status = useSyncStatus(engine);
  const outbox = useLiveQuery(() => outboxSummary(db), [db]);
  const meta = useLiveQuery(() => syncMeta(db), [db]);
  const waiting = outbox?.waiting ?? 0;
  const rejected = outbox?.rejected.length ?? 0;

  const parts: string[] = [];
  if (!online) parts.push('Offline');
  else if (status.phase === 'syncing') parts.push(meta?.first_sync ? firstSyncText(meta.first_sync) : 'Syncing…');
  else if (status.phase === 'signin_required') parts.push('Sign in to sync');
  else if (status.phase === 'retrying') parts.push('Connection problem, retrying');
  else if (status.phase === 'stopped') parts.push('Sync stopped');
  parts.push(waiting === 0 ? 'Everything sent' : `${waiting} waiting to send`);
  if (meta?.last_synced_at) parts.push(`Last synced ${timeAgo(meta.last_synced_at, Date.now())}`);

  const tone = !online || status.phase !== 'idle' && status.phase !== 'syncing' ? 'warn' : 'ok';
  return (
    <div className={`sync-bar sync-bar--${tone}`} role="status" aria-live="polite" data-testid="sync-status" data-waiting={waiting} data-phase={online ? status.phase : 'offline'}>
      <span>{parts.join(' · ')}</span>
      {status.message && status.phase !== 'syncing' ? <span className="sync-bar__message">{status.message}</span> : null}
      {rejected > 0 ? (
        <button type="button" className="link-button" onClick={onShowProblems}>
          {rejected === 1 ? '1 item was refused' : `${rejected} items were refused`}
        </button>
      ) : null}
    </div>
  );
}

function firstSyncText(progress: { done: number; total: number | null }): string {
  return progress.total ? `Getting your content: ${progress.done} of ${progress.total}` : `Getting your content: ${progress.done}`;
}
