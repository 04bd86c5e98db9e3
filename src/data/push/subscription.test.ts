import { describe, expect, it, vi } from 'vitest';
import { base64UrlBytes, devicePushState, turnOff, turnOn } from './subscription';
import { AUTH, b64url, type Calls, ENDPOINT, fakeApi, fakePlatform, P256DH, VAPID } from './testing/fake-push';

describe('turning notifications on', () => {
  it('asks permission, subscribes with the server key and saves the endpoint and keys', async () => {
    const { platform, manager, log } = fakePlatform();
    const calls: Calls = [];
    expect(await devicePushState(platform)).toBe('off');
    expect(await turnOn(platform, fakeApi(undefined, calls))).toBe('granted');
    expect(log).toEqual(['requestPermission', 'subscribe']);
    expect(manager.subscribe).toHaveBeenCalledWith({ userVisibleOnly: true, applicationServerKey: base64UrlBytes(VAPID) });
    expect(calls).toEqual([{ name: 'save_push_subscription', args: { p_endpoint: ENDPOINT, p_p256dh: P256DH, p_auth: AUTH } }]);
    expect(await devicePushState(platform)).toBe('on');
  });

  it('a refusal is denied, and a blocked permission is not asked again', async () => {
    const refused = fakePlatform({ answer: 'denied' });
    expect(await turnOn(refused.platform, fakeApi())).toBe('denied');
    expect(refused.log).toEqual(['requestPermission']);
    const blocked = fakePlatform({ permission: 'denied' });
    expect(await turnOn(blocked.platform, fakeApi())).toBe('denied');
    expect(blocked.platform.requestPermission).not.toHaveBeenCalled();
    expect(await devicePushState(blocked.platform)).toBe('blocked');
  });

  it('with permission already given it subscribes without asking', async () => {
    const { platform, log } = fakePlatform({ permission: 'granted' });
    expect(await turnOn(platform, fakeApi())).toBe('granted');
    expect(log).toEqual(['subscribe']);
  });

  it('says not_configured without a server key, and unsupported without the APIs or a worker', async () => {
    const noKey = fakePlatform({ key: null });
    expect(await turnOn(noKey.platform, fakeApi())).toBe('not_configured');
    expect(await devicePushState(noKey.platform)).toBe('not_configured');
    expect(noKey.log).toEqual([]);
    const noApi = fakePlatform({ permission: null });
    expect(await turnOn(noApi.platform, fakeApi())).toBe('unsupported');
    expect(await devicePushState(noApi.platform)).toBe('unsupported');
    expect(await turnOn(fakePlatform({ permission: 'granted', worker: false }).platform, fakeApi())).toBe('unsupported');
  });

  it('when the save fails it unsubscribes again, so the phone never reads "on" while nothing can arrive', async () => {
    const offline = fakePlatform();
    expect(
      await turnOn(
        offline.platform,
        fakeApi(() => ({ ok: false, error: { kind: 'network', message: 'Failed to fetch' } })),
      ),
    ).toBe('offline');
    expect(offline.log).toEqual(['requestPermission', 'subscribe', 'unsubscribe']);
    expect(await devicePushState(offline.platform)).toBe('off');
    const refused = fakePlatform();
    const answer = () => ({ ok: false, error: { kind: 'http', status: 400, code: '22023', message: 'bad', details: null } }) as const;
    expect(await turnOn(refused.platform, fakeApi(answer))).toBe('failed');
    expect(refused.current()).toBeNull();
  });

  it('a push service that refuses is failed, not an exception', async () => {
    const { platform, manager } = fakePlatform();
    vi.mocked(manager.subscribe).mockRejectedValueOnce(new DOMException('Registration failed - push service error', 'AbortError'));
    expect(await turnOn(platform, fakeApi())).toBe('failed');
  });

  it('replaces a subscription made for another server key', async () => {
    const { platform, manager, log } = fakePlatform({ permission: 'granted' });
    await manager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlBytes(b64url(new Uint8Array(65).fill(9)))! });
    expect(await turnOn(platform, fakeApi())).toBe('granted');
    expect(log).toEqual(['subscribe', 'unsubscribe', 'subscribe']);
  });
});

describe('turning notifications off (and signing out)', () => {
  it('deletes the subscription on the server first, then unsubscribes the browser', async () => {
    const { platform, log } = fakePlatform({ permission: 'granted' });
    await turnOn(platform, fakeApi());
    const calls: Calls = [];
    const api = fakeApi((name) => {
      log.push(name);
      return { ok: true, data: { deleted: true } };
    }, calls);
    expect(await turnOff(platform, api)).toBe('off');
    expect(log.slice(-2)).toEqual(['delete_push_subscription', 'unsubscribe']);
    expect(calls).toEqual([{ name: 'delete_push_subscription', args: { p_endpoint: ENDPOINT } }]);
    expect(await devicePushState(platform)).toBe('off');
  });

  it('offline it still unsubscribes here, so the push service drops it, and says the server was not told', async () => {
    const { platform } = fakePlatform({ permission: 'granted' });
    await turnOn(platform, fakeApi());
    expect(
      await turnOff(
        platform,
        fakeApi(() => ({ ok: false, error: { kind: 'network', message: 'Failed to fetch' } })),
      ),
    ).toBe('off_here_only');
    expect(await devicePushState(platform)).toBe('off');
  });

  it('with no subscription it asks nothing of the server', async () => {
    const calls: Calls = [];
    expect(await turnOff(fakePlatform().platform, fakeApi(undefined, calls))).toBe('off');
    expect(await turnOff(fakePlatform({ worker: false }).platform, fakeApi(undefined, calls))).toBe('off');
    expect(calls).toEqual([]);
  });
});

describe('base64UrlBytes', () => {
  it('reads base64url without padding and refuses other text', () => {
    expect(base64UrlBytes(VAPID)).toEqual(Uint8Array.from(Buffer.from(VAPID, 'base64url')));
    expect(base64UrlBytes('not base64!')).toBeNull();
  });
});
