/**
 * A browser's PushManager and Notification permission, and the online API, in memory,
 * for the unit tests of src/data/push: the fake subscription keeps the key it was made
 * with, and `log` records what happened in order.
 */
import { vi } from 'vitest';
import type { OnlineApi } from '../../online-api';
import type { RpcOutcome } from '../../supabase/rpc';
import type { PushManagerLike, PushPlatform } from '../subscription';

/** A real-looking P-256 public key (65 bytes, 0x04 first) and auth secret (16 bytes), base64url. */
export const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
export const P256DH = b64url(Uint8Array.from({ length: 65 }, (_, i) => (i === 0 ? 4 : i)));
export const AUTH = b64url(Uint8Array.from({ length: 16 }, (_, i) => 200 - i));
export const VAPID = b64url(Uint8Array.from({ length: 65 }, (_, i) => (i === 0 ? 4 : 255 - i)));
export const ENDPOINT = 'https://push.example.test/send/abc';

export type Calls = Array<{ name: string; args: unknown }>;

/** Answers every call with `answer(name, nth call of that name)`, recording each in `calls`. */
export function fakeApi(answer: (name: string, nth: number) => RpcOutcome<unknown> = () => ({ ok: true, data: {} }), calls: Calls = []): OnlineApi {
  return {
    call: (async (name: string, args: unknown) => {
      calls.push({ name, args });
      return answer(name, calls.filter((c) => c.name === name).length);
    }) as OnlineApi['call'],
  };
}

export function fakePlatform(
  options: { permission?: NotificationPermission | null; answer?: NotificationPermission; key?: string | null; worker?: boolean } = {},
) {
  const log: string[] = [];
  let permission = options.permission === undefined ? 'default' : options.permission;
  let current: ReturnType<typeof subscriptionFor> | null = null;
  function subscriptionFor(key: ArrayBuffer) {
    const sub = {
      endpoint: ENDPOINT,
      options: { applicationServerKey: key },
      toJSON: () => ({ endpoint: ENDPOINT, keys: { p256dh: P256DH, auth: AUTH } }),
      unsubscribe: vi.fn(async () => {
        log.push('unsubscribe');
        if (current === sub) current = null;
        return true;
      }),
    };
    return sub;
  }
  const manager: PushManagerLike = {
    getSubscription: async () => current,
    subscribe: vi.fn(async ({ applicationServerKey }) => {
      log.push('subscribe');
      current = subscriptionFor(applicationServerKey.buffer.slice(0));
      return current;
    }),
  };
  const platform: PushPlatform = {
    permission: () => permission,
    requestPermission: vi.fn(async () => {
      log.push('requestPermission');
      permission = options.answer ?? 'granted';
      return permission;
    }),
    pushManager: async () => (options.worker === false ? null : manager),
    activePushManager: async () => (options.worker === false ? null : manager),
    vapidPublicKey: options.key === undefined ? VAPID : options.key,
  };
  return { platform, manager, log, current: () => current };
}
