/**
 * The shell: signed out → sign-in; signed in → that person's local database
 * renders at once (no network needed), and the sync services load after the
 * first paint.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { CommandContext } from '../data/commands';
import { openDatabase, type FrontlineDb } from '../data/db';
import { outboxSummary, syncMeta } from '../data/queries';
import type { SyncEngine } from '../data/sync/engine';
import { AccountScreen } from '../features/account/AccountScreen';
import { requestPersistence } from '../features/account/storage-state';
import { SignInScreen, type SignInResult } from '../features/signin/SignInScreen';
import { TodayScreen } from '../features/today/TodayScreen';
import { I18nProvider, useT } from '../ui/i18n/I18nProvider';
import { browserLocale } from '../ui/i18n/locale';
import { useLocaleChoice } from '../ui/i18n/use-locale-choice';
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

  async function signIn(email: string, password: string): Promise<SignInResult> {
    const { signIn: signInWithPassword } = await import('./session');
    const result = await signInWithPassword(email, password);
    if (!result.ok) return result;
    const next = { userId: result.userId, email };
    saveIdentity(next);
    void requestPersistence();
    setIdentity(next);
    return { ok: true };
  }

  if (!identity) {
    return (
      <I18nProvider locale={browserLocale()}>
        <SignInScreen onSignIn={signIn} />
        <SignedOutUpdatePrompt />
      </I18nProvider>
    );
  }
  return <SignedIn key={identity.userId} identity={identity} onSignedOut={() => setIdentity(null)} />;
}

function SignedIn({ identity, onSignedOut }: { identity: Identity; onSignedOut: () => void }) {
  const db = useMemo(() => openDatabase(identity.userId), [identity.userId]);
  const [services, setServices] = useState<Services | null>(null);
  const [tab, setTab] = useState<Tab>('today');
  // Only the locale, so the shell does not re-render for every page a sync writes to meta.
  const memberLocale = useLiveQuery(() => syncMeta(db).then((meta) => meta.me?.locale ?? null), [db]);
  const language = useLocaleChoice(identity.userId, memberLocale);
  const { unsaved, markSaved } = language;

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

  // A language chosen on this phone goes to the account when possible: now, and again when back online.
  useEffect(() => {
    if (!services || !unsaved) return;
    let current = true;
    const save = () => void services.saveLocale(unsaved).then((outcome) => {
      if (current && outcome.ok) markSaved(unsaved);
    });
    save();
    window.addEventListener('online', save);
    return () => {
      current = false;
      window.removeEventListener('online', save);
    };
  }, [services, unsaved, markSaved]);

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
    language,
    async signOut() {
      await services?.signOut();
      clearIdentity();
      onSignedOut();
    },
  };

  return (
    <I18nProvider locale={language.locale}>
      <SessionContext.Provider value={session}>
        <div className="shell">
          <SyncStatusBar onShowProblems={() => setTab('account')} />
          <main className="content">{tab === 'today' ? <TodayScreen /> : <AccountScreen appVersion={APP_BUILD} />}</main>
          <SignedInUpdatePrompt />
          <TabBar tab={tab} onChange={setTab} />
        </div>
      </SessionContext.Provider>
    </I18nProvider>
  );
}

function TabBar({ tab, onChange }: { tab: Tab; onChange: (tab: Tab) => void }) {
  const t = useT();
  return (
    <nav className="tabbar" aria-label={t('app.nav')}>
      <button type="button" aria-current={tab === 'today' ? 'page' : undefined} onClick={() => onChange('today')}>{t('app.tab.today')}</button>
      <button type="button" aria-current={tab === 'account' ? 'page' : undefined} onClick={() => onChange('account')}>{t('app.tab.account')}</button>
    </nav>
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
