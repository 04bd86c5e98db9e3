/**
 * The shell: signed out → sign-in; signed in → that person's local database
 * renders at once (no network needed), and the sync services load after the
 * first paint.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { CommandContext } from '../data/commands';
import { openDatabase, type FrontlineDb } from '../data/db';
import { outboxSummary } from '../data/queries';
import type { SyncEngine } from '../data/sync/engine';
import { AccountScreen } from '../features/account/AccountScreen';
import { requestPersistence } from '../features/account/storage-state';
import { SignInScreen } from '../features/signin/SignInScreen';
import { TodayScreen } from '../features/today/TodayScreen';
import { SessionContext, useSession, type Session } from '../ui/session-context';
import { SyncStatusBar } from '../ui/SyncStatusBar';
import { APP_BUILD } from './build-info';
import { clearIdentity, readIdentity, saveIdentity, type Identity } from './identity';
import { applyUpdate } from './pwa';
import type { Services } from './session';
import { UpdatePrompt } from './UpdatePrompt';
import { useUpdateState } from './use-update-state';

type Tab = 'today' | 'account';

export function App() {
  const [identity, setIdentity] = useState<Identity | null>(() => readIdentity());

  async function signIn(email: string, password: string) {
    const { signIn: signInWithPassword } = await import('./session');
    const result = await signInWithPassword(email, password);
    if (!result.ok) return result;
    const next = { userId: result.userId, email };
    saveIdentity(next);
    void requestPersistence();
    setIdentity(next);
    return { ok: true as const };
  }

  if (!identity) {
    return (
      <>
        <SignInScreen onSignIn={signIn} />
        <SignedOutUpdatePrompt />
      </>
    );
  }
  return <SignedIn key={identity.userId} identity={identity} onSignedOut={() => setIdentity(null)} />;
}

function SignedIn({ identity, onSignedOut }: { identity: Identity; onSignedOut: () => void }) {
  const db = useMemo(() => openDatabase(identity.userId), [identity.userId]);
  const [services, setServices] = useState<Services | null>(null);
  const [tab, setTab] = useState<Tab>('today');

  useEffect(() => {
    let live: Services | null = null;
    let cancelled = false;
    // supabase-js is a third of the bundle: fetch it only after the cached content is on screen.
    void afterFirstContent(db)
      .then(() => import('./session'))
      .then(({ startServices }) => {
        if (cancelled) return;
        live = startServices(identity.userId, db);
        setServices(live);
      });
    return () => {
      cancelled = true;
      live?.dispose();
      db.close();
    };
  }, [db, identity.userId]);

  const engine: SyncEngine | null = services?.engine ?? null;
  const commands = useMemo<CommandContext>(() => ({
    db,
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    afterWrite: () => void engine?.requestSync(),
  }), [db, engine]);

  const session: Session = {
    userId: identity.userId,
    email: identity.email,
    db,
    commands,
    engine,
    async signOut() {
      await services?.signOut();
      clearIdentity();
      onSignedOut();
    },
  };

  return (
    <SessionContext.Provider value={session}>
      <div className="shell">
        <SyncStatusBar onShowProblems={() => setTab('account')} />
        <main className="content">{tab === 'today' ? <TodayScreen /> : <AccountScreen appVersion={APP_BUILD} />}</main>
        <SignedInUpdatePrompt />
        <nav className="tabbar" aria-label="Main">
          <button type="button" aria-current={tab === 'today' ? 'page' : undefined} onClick={() => setTab('today')}>Today</button>
          <button type="button" aria-current={tab === 'account' ? 'page' : undefined} onClick={() => setTab('account')}>Account</button>
        </nav>
      </div>
    </SessionContext.Provider>
  );
}

async function afterFirstContent(db: FrontlineDb): Promise<void> {
  await db.briefings.limit(1).toArray().catch(() => []);
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function SignedOutUpdatePrompt() {
  const { waiting } = useUpdateState();
  return waiting ? <UpdatePrompt waitingItems={0} onReload={applyUpdate} /> : null;
}

/** A new version is applied only after the outbox had its chance to drain; unsent items stay in IndexedDB anyway. */
function SignedInUpdatePrompt() {
  const { db, engine } = useSession();
  const { waiting } = useUpdateState();
  const outbox = useLiveQuery(() => outboxSummary(db), [db]);
  if (!waiting) return null;
  return (
    <UpdatePrompt
      waitingItems={outbox?.waiting ?? 0}
      onReload={async () => {
        await engine?.requestSync();
        await applyUpdate();
      }}
    />
  );
}
