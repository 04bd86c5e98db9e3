/**
 * Everything a signed-in phone needs beyond its local data, loaded after the
 * first render: the supabase client, the sync engine and what triggers it
 * (start, back online, page visible, after each write, a timer, a push), and
 * the app badge, set after each sync to the briefings still to acknowledge.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { countToAcknowledge } from '../data/briefings/queries';
import { type FrontlineDb, readMeta } from '../data/db';
import { type MemberLocale, type SaveLocaleOutcome, saveMemberLocale } from '../data/member-locale';
import { type OnlineApi, supabaseOnlineApi } from '../data/online-api';
import { browserPushPlatform, turnOff } from '../data/push/subscription';
import { refreshSideData } from '../data/side-data';
import { type SignInFailure, signInFailure } from '../data/supabase/sign-in-errors';
import { SyncEngine } from '../data/sync/engine';
import { supabaseSyncApi } from '../data/sync/supabase-api';
import type { WorkerToPage } from '../sw/push';
import { AUTH_STORAGE_KEY, supabase } from './supabase-client';

export interface Services {
  client: SupabaseClient;
  engine: SyncEngine;
  /** Reports, reach and other calls that need the network. */
  api: OnlineApi;
  /** Saves the member's UI language on the server, then syncs so the phone sees it confirmed. */
  saveLocale(locale: MemberLocale): Promise<SaveLocaleOutcome>;
  /**
   * Stops this device's notifications (offline: here only; the push service then refuses
   * the server's next send and the server drops the device), then ends the auth session on
   * it; local data and unsent items stay for next time.
   */
  signOut(): Promise<void>;
  dispose(): void;
}

const SYNC_EVERY_MS = 60_000;
const SIDE_DATA_EVERY_MS = 30_000;

/** Outbox entries per sync_push (server limit 500). A build can lower it, e.g. to measure what batching buys. */
function syncBatchSize(): number {
  const configured = Number(import.meta.env.VITE_SYNC_BATCH_SIZE ?? 500);
  return Number.isInteger(configured) && configured >= 1 && configured <= 500 ? configured : 500;
}

export function startServices(userId: string, db: FrontlineDb): Services {
  const client = supabase();
  const engine = new SyncEngine({
    db,
    api: supabaseSyncApi(client),
    lockName: `frontline-sync:${userId}`,
    locks: typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null,
    isOnline: () => navigator.onLine,
    batchSize: syncBatchSize(),
  });
  const api = supabaseOnlineApi(client);
  const sync = () => void engine.requestSync();
  // After a sync that ended well, at most every SIDE_DATA_EVERY_MS: the copies only need to be recent.
  let phase = engine.getStatus().phase;
  let sideDataAt = 0;
  const unsubscribe = engine.subscribe((status) => {
    const ended = phase === 'syncing' && status.phase !== 'syncing';
    const finished = ended && status.phase === 'idle';
    phase = status.phase;
    // Reading every briefing after each sync is only worth it where there is a badge to set.
    if (ended && 'setAppBadge' in navigator) void countToAcknowledge(db, Date.now()).then(showBadge);
    if (!finished || Date.now() - sideDataAt < SIDE_DATA_EVERY_MS) return;
    sideDataAt = Date.now();
    void readMeta(db).then((meta) => (meta.me ? refreshSideData(db, api, meta.me, () => new Date()) : undefined));
  });
  const onVisible = () => {
    if (document.visibilityState === 'visible') sync();
  };
  // A push arrived (src/sw/push.ts): fetch what it announced now rather than at the next timer.
  const onWorkerMessage = (event: MessageEvent<WorkerToPage | undefined>) => {
    if (event.data?.type === 'SYNC_NOW') sync();
  };
  window.addEventListener('online', sync);
  window.addEventListener('offline', sync);
  document.addEventListener('visibilitychange', onVisible);
  navigator.serviceWorker?.addEventListener('message', onWorkerMessage);
  const timer = window.setInterval(() => {
    if (document.visibilityState === 'visible') sync();
  }, SYNC_EVERY_MS);
  const { data: auth } = client.auth.onAuthStateChange((event) => {
    if (event === 'SIGNED_IN' || event === 'TOKEN_REFRESHED') void engine.resume();
  });
  sync();

  return {
    client,
    engine,
    api,
    async saveLocale(locale) {
      const outcome = await saveMemberLocale(client, locale);
      if (outcome.ok) void engine.requestSync();
      return outcome;
    },
    async signOut() {
      // Before the session ends: only the signed-in person may delete the row, and a shared phone must not notify them later.
      await turnOff(browserPushPlatform(), api);
      try {
        await client.auth.signOut({ scope: 'local' });
      } finally {
        // Offline, supabase-js keeps the session when the logout call fails; the person asked to leave.
        localStorage.removeItem(AUTH_STORAGE_KEY);
        // A shared phone must not show the next person the last one's count.
        showBadge(0);
      }
    },
    dispose() {
      window.removeEventListener('online', sync);
      window.removeEventListener('offline', sync);
      document.removeEventListener('visibilitychange', onVisible);
      navigator.serviceWorker?.removeEventListener('message', onWorkerMessage);
      window.clearInterval(timer);
      auth.subscription.unsubscribe();
      unsubscribe();
      engine.dispose();
    },
  };
}

/** The home-screen badge shows what is left to acknowledge; none clears it. Browsers without badges skip it. */
function showBadge(count: number): void {
  if (!('setAppBadge' in navigator)) return;
  void (count > 0 ? navigator.setAppBadge(count) : navigator.clearAppBadge()).catch(() => undefined);
}

/** Expected failures come back as reasons; the screen words them in the person's language. */
export async function signIn(email: string, password: string): Promise<{ ok: true; userId: string } | ({ ok: false } & SignInFailure)> {
  const { data, error } = await supabase().auth.signInWithPassword({ email, password });
  if (data.user) return { ok: true, userId: data.user.id };
  return { ok: false, ...signInFailure(error) };
}
