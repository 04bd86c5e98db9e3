import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { dismissRejected } from '../../data/commands';
import { outboxSummary, syncMeta } from '../../data/queries';
import { useSession } from '../../ui/session-context';
import { readStorageState, type StorageState } from './storage-state';

function megabytes(bytes: number | null): string {
  return bytes === null ? '?' : `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** Who is signed in, what is waiting or refused, storage state, and a sign-out that never drops work silently. */
export function AccountScreen({ appVersion }: { appVersion: string }) {
  const { db, email, commands, engine, signOut } = useSession();
  const outbox = useLiveQuery(() => outboxSummary(db), [db]);
  const meta = useLiveQuery(() => syncMeta(db), [db]);
  const [storage, setStorage] = useState<StorageState | null>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void readStorageState().then(setStorage);
  }, []);

  const waiting = outbox?.waiting ?? 0;
  async function requestSignOut() {
    // Counted now, not from the live query: that reads 0 until it first loads (slow while a sync writes the outbox).
    if (!confirming && (await outboxSummary(db)).waiting > 0) {
      setConfirming(true);
      return;
    }
    await signOut();
  }

  return (
    <section aria-labelledby="account-heading">
      <h1 id="account-heading">Account</h1>
      <p>
        Signed in as <strong>{meta?.me?.display_name ?? email}</strong>
        {meta?.me?.store ? ` · ${meta.me.store.name}` : ''}
      </p>

      <h2>Problems</h2>
      {outbox && outbox.rejected.length > 0 ? (
        <ul className="problem-list" aria-label="Refused items">
          {outbox.rejected.map((entry) => (
            <li key={entry.id}>
              <p><strong>{entry.type.replace('_', ' ')}</strong> from {new Date(entry.created_at).toLocaleString()}</p>
              <p>{entry.rejection?.message}</p>
              <button type="button" onClick={() => void dismissRejected(commands, entry.id)}>Dismiss</button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing was refused.</p>
      )}

      <h2>This phone</h2>
      <dl className="facts">
        <dt>Waiting to send</dt>
        <dd data-testid="waiting-count">{outbox ? waiting : '…'}</dd>
        <dt>Storage</dt>
        <dd>
          {storage?.persisted === true ? 'Kept by the browser' : storage?.persisted === false ? 'May be cleared by the browser when space is low' : 'Unknown'}
          {storage?.usedBytes != null ? ` · ${megabytes(storage.usedBytes)} of ${megabytes(storage.quotaBytes)} used` : ''}
        </dd>
        <dt>App version</dt>
        <dd data-testid="app-version">{appVersion}</dd>
      </dl>
      <button type="button" onClick={() => void engine?.requestSync()} disabled={!engine}>Sync now</button>

      <h2>Sign out</h2>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="signout-warning" className="warning">
          <p id="signout-warning">
            {waiting === 1 ? '1 item has' : `${waiting} items have`} not been sent yet. They stay on this phone and are sent the next
            time you sign in here.
          </p>
          <button type="button" className="danger" onClick={() => void requestSignOut()}>Sign out anyway</button>
          <button type="button" onClick={() => setConfirming(false)}>Stay signed in</button>
        </div>
      ) : (
        <button type="button" onClick={() => void requestSignOut()}>Sign out</button>
      )}
    </section>
  );
}
