/**
 * Service worker registration and the "new version" state (workbox-window).
 *
 * Keeps: whether a new version is installed and waiting. Promises: a waiting version
 * is never activated behind the user's back; it takes over only through applyUpdate(),
 * which the UI calls after the outbox is flushed or the user confirmed. Offline, an
 * update check simply finds nothing. In dev builds and browsers without service
 * workers this module does nothing.
 */
import type { Workbox } from 'workbox-window';

export interface UpdateState {
  /** A new version is installed and waiting for applyUpdate(). */
  readonly waiting: boolean;
}

type Listener = (state: UpdateState) => void;

let state: UpdateState = { waiting: false };
const listeners = new Set<Listener>();

function setState(next: UpdateState): void {
  if (next.waiting === state.waiting) return;
  state = next;
  for (const listener of listeners) listener(state);
}

/** A tiny observable; `subscribe` returns the unsubscribe function (fits useSyncExternalStore). */
export const updateState = {
  get(): UpdateState {
    return state;
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

let workbox: Workbox | undefined;
let registration: ServiceWorkerRegistration | undefined;
let started: Promise<void> | undefined;

/**
 * Registers /sw.js once (later calls return the same promise), then checks for an
 * update now and whenever the page becomes visible again. Never throws: a failed
 * registration leaves the app working online, without the offline shell.
 */
export function registerServiceWorker(): Promise<void> {
  started ??= start().catch((error: unknown) => {
    console.warn('frontline: service worker registration failed', error);
  });
  return started;
}

async function start(): Promise<void> {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  // Loaded after the first render: the start screen does not need them.
  const [{ Workbox }, { listenToWorker }] = await Promise.all([import('workbox-window'), import('./worker-messages')]);
  listenToWorker(navigator.serviceWorker);
  const wb = new Workbox('/sw.js', { scope: '/' });
  // Also fires for a version that was already waiting when this page loaded.
  wb.addEventListener('waiting', () => setState({ waiting: true }));
  workbox = wb;
  registration = await wb.register();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void checkForUpdate();
  });
  await checkForUpdate();
}

/** Asks the server for a newer service worker; a 'waiting' state follows if there is one. */
export async function checkForUpdate(): Promise<void> {
  if (!workbox || !registration) return;
  try {
    await workbox.update();
  } catch {
    // Offline or the server is unreachable: nothing to update to right now.
  }
}

let applying = false;

/**
 * Activates the waiting version and reloads once it controls this page. Call it only
 * after the outbox is flushed or the user accepted reloading with items still waiting.
 */
export async function applyUpdate(): Promise<void> {
  if (!workbox || applying) return;
  applying = true;
  if (!registration?.waiting) {
    // Another tab already activated it: this page runs old code under the new worker.
    window.location.reload();
    return;
  }
  workbox.addEventListener('controlling', () => window.location.reload());
  workbox.messageSkipWaiting();
}
