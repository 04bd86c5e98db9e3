/**
 * A stand-in for the push service: Chromium here has none, so PushManager.subscribe
 * fails. The init script replaces PushManager's subscribe, getSubscription and the
 * subscription's unsubscribe with ones that keep one subscription in localStorage
 * (so it survives a reload, as a real one does): an https endpoint and real P-256
 * keys made here, with the applicationServerKey the app passed. Everything the app
 * does with it (permission, saving through the RPC, deleting on sign-out) is real.
 */
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';

export interface FakeSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** A VAPID public key for a build (base64url, uncompressed P-256 point). */
export function vapidPublicKey(): string {
  const ecdh = createECDH('prime256v1');
  return ecdh.generateKeys().toString('base64url');
}

export async function fakePushService(context: BrowserContext): Promise<FakeSubscription> {
  const ecdh = createECDH('prime256v1');
  const subscription: FakeSubscription = {
    endpoint: `https://push.example.test/wpush/v2/${randomUUID()}`,
    p256dh: ecdh.generateKeys().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
  };
  await context.addInitScript((made: FakeSubscription) => {
    const KEY = 'e2e-fake-push-subscription';
    const bytes = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    const stored = () => {
      const text = localStorage.getItem(KEY);
      if (!text) return null;
      const { serverKey } = JSON.parse(text) as { serverKey: string };
      return {
        endpoint: made.endpoint,
        expirationTime: null,
        options: { userVisibleOnly: true, applicationServerKey: bytes(serverKey).buffer },
        getKey: () => null,
        toJSON: () => ({ endpoint: made.endpoint, expirationTime: null, keys: { p256dh: made.p256dh, auth: made.auth } }),
        unsubscribe: async () => {
          localStorage.removeItem(KEY);
          return true;
        },
      };
    };
    PushManager.prototype.getSubscription = async () => stored() as unknown as PushSubscription;
    PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
      const key = new Uint8Array(options?.applicationServerKey as Uint8Array);
      localStorage.setItem(KEY, JSON.stringify({ serverKey: btoa(String.fromCharCode(...key)) }));
      return stored() as unknown as PushSubscription;
    };
  }, subscription);
  return subscription;
}
