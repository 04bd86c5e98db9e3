/**
 * Web Push without a push service: Chromium here has none, so a test delivers the
 * message itself through the DevTools protocol (ServiceWorker.deliverPushMessage),
 * which fires the worker's real `push` handler. Nothing can click a notification in
 * headless Chromium either, so clickNotification() dispatches a `notificationclick`
 * inside the worker with the real Notification object, running the worker's own
 * listener. Such an event is not the browser's, and Chromium says so: its waitUntil
 * throws (after the listener has started the handler), and focus() and openWindow()
 * reject ("Not allowed to focus/open a window"), while posting to an open window works.
 * So the browser proves the close and the page's navigation; focusing and opening a
 * new window are proved by the unit tests of src/sw/push.ts.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface ShownNotification {
  title: string;
  body: string;
  tag: string;
  data: unknown;
}

export class PushDriver {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly registrationId: string,
    private readonly origin: string,
  ) {}

  /** For the app's registration; the page must be controlled by the worker already. */
  static async attach(context: BrowserContext, page: Page): Promise<PushDriver> {
    await context.grantPermissions(['notifications'], { origin: new URL(page.url()).origin });
    const cdp = await context.newCDPSession(page);
    const scope = `${new URL(page.url()).origin}/`;
    const found = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r) => r.scopeURL === scope && !r.isDeleted);
        if (ours) resolve(ours.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    return new PushDriver(cdp, await found, new URL(scope).origin);
  }

  /** Delivers `data` (JSON.stringify'd unless it is a string) as a push message. */
  async deliver(data: unknown): Promise<void> {
    await this.cdp.send('ServiceWorker.deliverPushMessage', {
      origin: this.origin,
      registrationId: this.registrationId,
      data: typeof data === 'string' ? data : JSON.stringify(data),
    });
  }
}

/** The notifications the app's registration shows right now, as a page of the app sees them. */
export function shownNotifications(page: Page): Promise<ShownNotification[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map(({ title, body, tag, data }) => ({ title, body, tag, data: data as unknown }));
  });
}

/** Runs the worker's notificationclick listener on the shown notification with this tag. */
export async function clickNotification(context: BrowserContext, tag: string): Promise<void> {
  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error('no service worker in this context');
  await worker.evaluate(async (wanted) => {
    const scope = self as unknown as ServiceWorkerGlobalScope;
    const [notification] = await scope.registration.getNotifications({ tag: wanted });
    if (!notification) throw new Error(`no notification tagged ${wanted}`);
    scope.dispatchEvent(new NotificationEvent('notificationclick', { notification }));
  }, tag);
}

/** Records every navigator.setAppBadge/clearAppBadge call the page makes (install before the app loads). */
export async function spyOnAppBadge(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const calls: Array<number | null> = [];
    Object.assign(window, { __badgeCalls: calls });
    Object.assign(navigator, {
      setAppBadge: async (count?: number) => {
        calls.push(count ?? null);
      },
      clearAppBadge: async () => {
        calls.push(0);
      },
    });
  });
}

/** The badge the page set last (0 = cleared), or undefined before any call. */
export function lastBadge(page: Page): Promise<number | null | undefined> {
  return page.evaluate(() => (window as unknown as { __badgeCalls: Array<number | null> }).__badgeCalls.at(-1));
}
