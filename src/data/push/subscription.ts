/**
 * This device's Web Push subscription. The browser holds it (PushManager); the
 * server learns it through save_push_subscription and forgets it through
 * delete_push_subscription. Offline, turning off still unsubscribes here, so
 * the push service answers the sender 410 and the server drops the row then.
 * Every answer is a code; screens choose the words. Loaded lazily: only Today's
 * opt-in card, Account and sign-out need it.
 */
import type { OnlineApi } from '../online-api';

/** What the Account screen and the opt-in card show for this device. */
export type DevicePushState = 'on' | 'off' | 'blocked' | 'unsupported' | 'not_configured';

/** What turning notifications on came to. */
export type TurnOnResult = 'granted' | 'denied' | 'unsupported' | 'not_configured' | 'offline' | 'failed';

/** `off_here_only`: unsubscribed on this device, but the server could not be told (offline). */
export type TurnOffResult = 'off' | 'off_here_only';

export type Subscription = Pick<PushSubscription, 'endpoint' | 'toJSON' | 'unsubscribe'> & { options?: { applicationServerKey: ArrayBuffer | null } };
export interface PushManagerLike {
  getSubscription(): Promise<Subscription | null>;
  subscribe(options: { userVisibleOnly: true; applicationServerKey: Uint8Array<ArrayBuffer> }): Promise<Subscription>;
}

/** The browser as this module needs it; tests pass a fake. */
export interface PushPlatform {
  /** Notification.permission, or null where there is no Notification API. */
  permission(): NotificationPermission | null;
  requestPermission(): Promise<NotificationPermission>;
  /** The push manager of the registered worker, without waiting for one; null when none. */
  pushManager(): Promise<PushManagerLike | null>;
  /** The same once the worker is active (subscribing needs it); null if it never gets there. */
  activePushManager(): Promise<PushManagerLike | null>;
  /** The server's VAPID public key (base64url), null when this server sends no pushes. */
  vapidPublicKey: string | null;
}

const WORKER_WAIT_MS = 10_000;
/** Sign-out waits at most this long for the server to forget the device. */
const DELETE_WAIT_MS = 5_000;

export function browserPushPlatform(): PushPlatform {
  const supported = typeof Notification !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window;
  return {
    permission: () => (supported ? Notification.permission : null),
    requestPermission: () => Notification.requestPermission(),
    async pushManager() {
      if (!supported) return null;
      return (await navigator.serviceWorker.getRegistration())?.pushManager ?? null;
    },
    async activePushManager() {
      if (!supported) return null;
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), WORKER_WAIT_MS));
      return (await Promise.race([navigator.serviceWorker.ready, timeout]))?.pushManager ?? null;
    },
    vapidPublicKey: import.meta.env.VITE_VAPID_PUBLIC_KEY || null,
  };
}

export async function devicePushState(platform: PushPlatform): Promise<DevicePushState> {
  if (!platform.vapidPublicKey) return 'not_configured';
  const permission = platform.permission();
  if (permission === null) return 'unsupported';
  if (permission === 'denied') return 'blocked';
  if (permission !== 'granted') return 'off';
  const manager = await platform.pushManager();
  if (!manager) return 'unsupported';
  return (await manager.getSubscription().catch(() => null)) ? 'on' : 'off';
}

/** Asks permission if it has not been given, subscribes this device with the server's key and saves it for this member. */
export async function turnOn(platform: PushPlatform, api: OnlineApi): Promise<TurnOnResult> {
  const key = platform.vapidPublicKey ? base64UrlBytes(platform.vapidPublicKey) : null;
  if (!key) return 'not_configured';
  const permission = platform.permission();
  if (permission === null) return 'unsupported';
  if (permission === 'denied') return 'denied';
  if (permission !== 'granted' && (await platform.requestPermission()) !== 'granted') return 'denied';
  const manager = await platform.activePushManager();
  if (!manager) return 'unsupported';

  let subscription: Subscription;
  try {
    const existing = await manager.getSubscription();
    const reusable = existing && sameBytes(existing.options?.applicationServerKey ?? null, key) ? existing : null;
    // A subscription made for another key (the server's keys were replaced) cannot receive its pushes.
    if (existing && !reusable) await existing.unsubscribe();
    subscription = reusable ?? (await manager.subscribe({ userVisibleOnly: true, applicationServerKey: key }));
  } catch {
    return 'failed';
  }
  const saved = await saveOnServer(subscription, api);
  if (saved === 'saved') return 'granted';
  // A subscription the server does not know would read as "on" here while nothing can arrive.
  await subscription.unsubscribe().catch(() => false);
  return saved;
}

/** Tells the server this device's subscription is the signed-in member's (save_push_subscription, an upsert). */
export async function saveOnServer(subscription: Subscription, api: OnlineApi): Promise<'saved' | 'offline' | 'failed'> {
  const { p256dh, auth } = subscription.toJSON().keys ?? {};
  if (!p256dh || !auth) return 'failed';
  const saved = await api.call('save_push_subscription', { p_endpoint: subscription.endpoint, p_p256dh: p256dh, p_auth: auth });
  if (saved.ok) return 'saved';
  return saved.error.kind === 'network' ? 'offline' : 'failed';
}

/** This device's subscription, or null when it has none (or no worker to hold one). */
export async function currentSubscription(platform: PushPlatform): Promise<Subscription | null> {
  const manager = await platform.pushManager();
  return (await manager?.getSubscription().catch(() => null)) ?? null;
}

/** Whether the subscription was made with the server's current VAPID key (a replaced key's cannot receive its pushes). */
export function madeForServerKey(platform: PushPlatform, subscription: Subscription): boolean {
  const key = platform.vapidPublicKey ? base64UrlBytes(platform.vapidPublicKey) : null;
  if (!key) return false;
  const made = subscription.options?.applicationServerKey;
  // A browser that does not say which key it was made with is taken at its word.
  return made === undefined || made === null || sameBytes(made, key);
}

/**
 * Stops pushes to this device: the server forgets it first (while the session can
 * still say whose it is), then the browser unsubscribes, even when the server was
 * not reached. Sign-out calls it before ending the session.
 */
export async function turnOff(platform: PushPlatform, api: OnlineApi): Promise<TurnOffResult> {
  const subscription = await currentSubscription(platform);
  if (!subscription) return 'off';
  const deleted = await api.call('delete_push_subscription', { p_endpoint: subscription.endpoint }, AbortSignal.timeout(DELETE_WAIT_MS));
  await subscription.unsubscribe().catch(() => false);
  return deleted.ok ? 'off' : 'off_here_only';
}

/** A VAPID key as PushManager takes it: base64url text to bytes; null for text that is not base64url. */
export function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const binary = atob(
    text
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(text.length / 4) * 4, '='),
  );
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function sameBytes(a: ArrayBuffer | null, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false;
  const bytes = new Uint8Array(a);
  return bytes.every((byte, i) => byte === b[i]);
}
