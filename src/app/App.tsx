/**
 * The shell: signed out → sign-in (or, at /activate, the activation form); signed in → that person's local database
 * renders at once (no network needed), and the sync services load after the
 * first paint.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { CommandContext } from '../data/command-core';
import { type FrontlineDb, openDatabase, readMeta } from '../data/db';
import { outboxSummary } from '../data/outbox';
import type { MemberProfile } from '../data/supabase/types';
import type { SyncEngine } from '../data/sync/engine';
import { requestPersistence } from '../features/account/storage-state';
import type { SignInResult } from '../features/signin/SignInScreen';
import { I18nProvider } from '../ui/i18n/I18nProvider';
import { browserLocale } from '../ui/i18n/locale';
import { useLocaleChoice } from '../ui/i18n/use-locale-choice';
import { go, resetHistory, settleHistory, usePath } from '../ui/router/history';
import { SyncStatusBar } from '../ui/SyncStatusBar';
import { type Session, SessionContext, useSession } from '../ui/session-context';
import { type ClosedNotice, clearClosedNotice, finishWipe, useAccountClosure, useClosedNotice } from './account-closure';
import { clearIdentity, type Identity, readIdentity, saveIdentity } from './identity';
import { currentTab, route, tabsFor } from './navigation';
import { applyUpdate } from './pwa';
import { ScreenOutlet } from './ScreenOutlet';
import { SCREENS } from './screens';
import type { Services } from './session';
import { TabBar } from './TabBar';
import { UpdatePrompt } from './UpdatePrompt';
import { useUpdateState } from './use-update-state';

// Only the wide layout shows it, so it loads after the first render; if its file cannot be had, the bar stays at every width.
const SideNav = lazy(() =>
  import('./SideNav').then(
    (m) => ({ default: m.SideNav }),
    () => ({ default: () => <div className="sidenav-missing" /> }),
  ),
);

// A phone that is signed in (almost every start) never shows these two, so they are not in the first download;
// offline, the service worker's precache has them.
const SignInScreen = lazy(() => import('../features/signin/SignInScreen').then((m) => ({ default: m.SignInScreen })));
const AccountClosedScreen = lazy(() => import('../features/closed-account/AccountClosedScreen').then((m) => ({ default: m.AccountClosedScreen })));

// /activate signed out: the activation form, its words and what follows it, loaded only at that address.
const SignedOutActivate = lazy(() => import('../features/activate/ActivateScreen').then((m) => ({ default: m.SignedOutActivate })));

export function App() {
  const [identity, setIdentity] = useState<Identity | null>(() => readIdentity());
  const [closed, setClosed] = useClosedNotice();
  const onClosed = useCallback(
    (notice: ClosedNotice) => {
      setIdentity(null);
      setClosed(notice);
    },
    [setClosed],
  );
  // Once the signed-in app has let go of the database; again after a reload that interrupted it.
  useEffect(() => {
    if (closed) void finishWipe(closed);
  }, [closed]);

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

  if (closed) {
    return (
      <I18nProvider locale={closed.locale}>
        <Suspense fallback={null}>
          <AccountClosedScreen
            onDone={() => {
              clearClosedNotice();
              setClosed(null);
              // Another tab showed the notice with its identity still in memory; it was cleared.
              setIdentity(readIdentity());
            }}
          />
        </Suspense>
      </I18nProvider>
    );
  }
  if (!identity) {
    return (
      <I18nProvider locale={browserLocale()}>
        {window.location.pathname === SCREENS.activate.path ? (
          <Suspense fallback={null}>
            <SignedOutActivate signIn={signIn} />
          </Suspense>
        ) : (
          <Suspense fallback={null}>
            <SignInScreen onSignIn={signIn} />
          </Suspense>
        )}
        <SignedOutUpdatePrompt />
      </I18nProvider>
    );
  }
  return <SignedIn key={identity.userId} identity={identity} onSignedOut={() => setIdentity(null)} onClosed={onClosed} />;
}

function SignedIn({ identity, onSignedOut, onClosed }: { identity: Identity; onSignedOut: () => void; onClosed: (notice: ClosedNotice) => void }) {
  const db = useMemo(() => openDatabase(identity.userId), [identity.userId]);
  const [services, setServices] = useState<Services | null>(null);
  // Before the first render, so a deep link or '/' is in place when the address is first read.
  useState(settleHistory);
  const path = usePath();
  // Compared as text, so the shell does not re-render for every page a sync writes to meta.
  const profileJson = useLiveQuery(() => readMeta(db).then((meta) => (meta.me ? JSON.stringify(meta.me) : null)), [db]);
  const me = useMemo(() => (profileJson ? (JSON.parse(profileJson) as MemberProfile) : null), [profileJson]);
  const language = useLocaleChoice(identity.userId, profileJson === undefined ? undefined : (me?.locale ?? null));
  const { unsaved, markSaved } = language;
  useAccountClosure(services, identity.userId, language.locale, onClosed);

  useEffect(() => {
    let live: Services | null = null;
    let cancelled = false;
    // supabase-js is a third of the bundle: fetch it only after the cached content is on screen.
    void afterFirstContent(db)
      .then(() => {
        // Sign-out lives on Account: fetched now, it opens offline even before the service worker has installed.
        void SCREENS.account.load();
        return import('./session');
      })
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
    const save = () =>
      void services.saveLocale(unsaved).then((outcome) => {
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
  const commands = useMemo<CommandContext>(
    () => ({
      db,
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
      afterWrite: () => void engine?.requestSync(),
    }),
    [db, engine],
  );

  const role = me?.role;
  const here = route(path);
  const session: Session = {
    userId: identity.userId,
    email: identity.email,
    db,
    commands,
    engine,
    api: services?.api ?? null,
    me,
    language,
    async signOut() {
      await services?.signOut();
      clearIdentity();
      resetHistory();
      onSignedOut();
    },
  };

  return (
    <I18nProvider locale={language.locale}>
      <SessionContext.Provider value={session}>
        <div className="shell">
          <Suspense fallback={null}>
            <SideNav />
          </Suspense>
          <SyncStatusBar onShowProblems={() => go(SCREENS.account.path)} />
          <main id="main" tabIndex={-1} className={`content content--${here?.id ?? 'unknown'}`}>
            <ScreenOutlet path={path} role={role} />
          </main>
          <SignedInUpdatePrompt />
          <TabBar tabs={tabsFor(role)} current={here ? currentTab(here.id, role) : 'today'} />
        </div>
      </SessionContext.Provider>
    </I18nProvider>
  );
}

async function afterFirstContent(db: FrontlineDb): Promise<void> {
  await db.briefings
    .limit(1)
    .toArray()
    .catch(() => []);
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function SignedOutUpdatePrompt() {
  const { waiting } = useUpdateState();
  const reload = async () => {
    await applyUpdate();
    return { unsent: 0 };
  };
  return waiting ? <UpdatePrompt waitingItems={0} onReload={reload} onReloadAnyway={applyUpdate} /> : null;
}

/**
 * A new version is applied only after the outbox drained. When it could not (the server is
 * unreachable), the person is told and chooses: unsent items stay in IndexedDB either way.
 */
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
        const { waiting: unsent } = await outboxSummary(db);
        if (unsent === 0) await applyUpdate();
        return { unsent };
      }}
      onReloadAnyway={applyUpdate}
    />
  );
}
