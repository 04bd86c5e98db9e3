/**
 * What the service worker does with a push and with a click on its notification,
 * kept out of src/sw.ts so unit tests run the same code the worker runs.
 *
 * Offline promises: a push shows its notification and updates the badge without the
 * network; a click opens the item's address in an open window (through the page's
 * own router) or a new one, which the precached shell serves with no network.
 */
import { appPath, type PushPayload, parsePushPayload } from '../data/supabase/push-payload';
import { NOTIFICATION_WORDS, type NotificationLocale, TEST_TITLE } from './notification-words';

/** Messages the worker posts to the app's windows. */
export type WorkerToPage = { type: 'SYNC_NOW' } | { type: 'OPEN_PATH'; path: string };

export interface ShownNotification {
  title: string;
  options: NotificationOptions & { tag: string; data: { url: string } };
}

/** es-* → Spanish, anything else → English (the app's rule before a member's locale is known). */
export function localeOf(languages: readonly string[]): NotificationLocale {
  return languages[0]?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function notificationFor(payload: PushPayload, origin: string, browserLocale: NotificationLocale): ShownNotification {
  const locale = payload.lang ?? browserLocale;
  const words = NOTIFICATION_WORDS[locale];
  const count = payload.count ?? 1;
  const line = payload.kind === 'digest' && count < 2 ? words.briefing(count) : words[payload.kind](count);
  return {
    // A test's own title is only the organisation's name: it says what it is instead.
    title: payload.kind === 'test' ? TEST_TITLE[locale] : payload.title,
    options: {
      body: payload.store ? `${payload.store} · ${line}` : line,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      tag: payload.tag,
      data: { url: appPath(payload.url, origin) },
    },
  };
}

/** The JSON a push carries, or undefined when it is not JSON. */
function pushJson(data: Pick<PushMessageData, 'json'> | null): unknown {
  try {
    return data?.json();
  } catch {
    return undefined;
  }
}

/** The parts of ServiceWorkerGlobalScope the handlers use, so tests can pass a fake. */
export interface WorkerScope {
  location: { origin: string };
  navigator: { languages: readonly string[]; setAppBadge?: (count?: number) => Promise<void> };
  registration: Pick<ServiceWorkerRegistration, 'showNotification' | 'getNotifications'>;
  clients: Pick<Clients, 'matchAll' | 'openWindow'>;
}

/**
 * Shows the notification (a newer one with the same tag replaces it), sets the badge,
 * and asks open windows to sync now. The worker cannot know offline how many
 * briefings wait, so the badge is the sender's count or the notifications on show;
 * the page sets the exact number after its next sync.
 */
export async function handlePush(scope: WorkerScope, data: Pick<PushMessageData, 'json'> | null): Promise<void> {
  const payload = parsePushPayload(pushJson(data));
  if (!payload) {
    console.warn('frontline: a push message that is not a notification payload was dropped');
    return;
  }
  const { title, options } = notificationFor(payload, scope.location.origin, localeOf(scope.navigator.languages));
  await scope.registration.showNotification(title, options);
  const badge = payload.count ?? (await scope.registration.getNotifications()).length;
  // A badge is a nicety: a browser without one, or one that refuses, still shows the notification.
  await scope.navigator.setAppBadge?.(badge).catch(() => undefined);
  const windows = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const client of windows) client.postMessage({ type: 'SYNC_NOW' } satisfies WorkerToPage);
}

export type ClickPlan<C> = { kind: 'focus'; client: C } | { kind: 'open' };

/** An app window to reuse: the focused one, else a visible one, else any; none means open a new one. */
export function clickPlan<C extends Pick<WindowClient, 'url' | 'focused' | 'visibilityState'>>(windows: readonly C[], origin: string): ClickPlan<C> {
  const ours = windows.filter((client) => new URL(client.url).origin === origin);
  const client = ours.find((c) => c.focused) ?? ours.find((c) => c.visibilityState === 'visible') ?? ours[0];
  return client ? { kind: 'focus', client } : { kind: 'open' };
}

/**
 * Closes the notification and brings the person to its address: an open window is
 * asked to go there with its router (keeping its history and a signed-in session),
 * then focused; with none open, a new window opens at the address.
 */
export async function handleNotificationClick(scope: WorkerScope, notification: Pick<Notification, 'close' | 'data'>): Promise<void> {
  notification.close();
  const data: unknown = notification.data;
  const path = appPath(typeof data === 'object' && data !== null ? (data as { url?: unknown }).url : undefined, scope.location.origin);
  const windows = (await scope.clients.matchAll({ type: 'window', includeUncontrolled: true })) as readonly WindowClient[];
  const plan = clickPlan(windows, scope.location.origin);
  if (plan.kind === 'open') {
    await scope.clients.openWindow(path);
    return;
  }
  plan.client.postMessage({ type: 'OPEN_PATH', path } satisfies WorkerToPage);
  await plan.client.focus();
}
