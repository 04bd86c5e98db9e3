import { describe, expect, it } from 'vitest';
import type { RpcFailure, RpcOutcome } from '../supabase/rpc';
import { confirmOnServer, sendTestPush } from './on-server';
import { base64UrlBytes, turnOn } from './subscription';
import { AUTH, b64url, type Calls, ENDPOINT, fakeApi, fakePlatform, P256DH } from './testing/fake-push';

const unknownSubscription: RpcFailure = {
  kind: 'http',
  status: 400,
  code: '22023',
  message: 'None of your devices has notifications on with this endpoint',
  details: 'unknown_subscription',
};
const network: RpcFailure = { kind: 'network', message: 'Failed to fetch' };
const fail = (error: RpcFailure): RpcOutcome<unknown> => ({ ok: false, error });

/** A phone with notifications on (subscribed with the server's key). */
async function phoneThatIsOn() {
  const fake = fakePlatform({ permission: 'granted' });
  await turnOn(fake.platform, fakeApi());
  return fake;
}

/** my_push_subscriptions listing these endpoints. */
const listing = (...endpoints: string[]): RpcOutcome<unknown> => ({
  ok: true,
  data: {
    subscriptions: endpoints.map((endpoint) => ({ id: 'x', endpoint, device: null, created_at: '2026-12-05T09:00:00Z', last_seen_at: '2026-12-05T09:00:00Z' })),
    off_days: [],
    quiet_hours: null,
  },
});

describe('Account’s "On" matches the server', () => {
  it('a device the server lists for this person is known, and nothing is saved', async () => {
    const { platform } = await phoneThatIsOn();
    const calls: Calls = [];
    expect(
      await confirmOnServer(
        platform,
        fakeApi(() => listing('https://push.example.test/other', ENDPOINT), calls),
      ),
    ).toBe('known');
    expect(calls.map((c) => c.name)).toEqual(['my_push_subscriptions']);
  });

  it('a device the server forgot (a 410, or the previous person’s on a shared phone) is saved again, silently', async () => {
    const { platform } = await phoneThatIsOn();
    const calls: Calls = [];
    const api = fakeApi((name) => (name === 'my_push_subscriptions' ? listing('https://push.example.test/other') : { ok: true, data: {} }), calls);
    expect(await confirmOnServer(platform, api)).toBe('resaved');
    expect(calls).toEqual([
      { name: 'my_push_subscriptions', args: {} },
      { name: 'save_push_subscription', args: { p_endpoint: ENDPOINT, p_p256dh: P256DH, p_auth: AUTH } },
    ]);
  });

  it('not reaching this phone when the server refuses to save it again, or the subscription is for a replaced key', async () => {
    const { platform } = await phoneThatIsOn();
    const refused = fakeApi((name) => (name === 'my_push_subscriptions' ? listing() : fail({ ...unknownSubscription, details: 'invalid_endpoint' })));
    expect(await confirmOnServer(platform, refused)).toBe('not_reaching');
    const old = fakePlatform({ permission: 'granted' });
    await old.manager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlBytes(b64url(new Uint8Array(65).fill(9)))! });
    const calls: Calls = [];
    expect(
      await confirmOnServer(
        old.platform,
        fakeApi(() => listing(ENDPOINT), calls),
      ),
    ).toBe('not_reaching');
    expect(calls).toEqual([]);
  });

  it('cannot tell offline or when the list fails, and changes nothing', async () => {
    const { platform } = await phoneThatIsOn();
    const calls: Calls = [];
    expect(
      await confirmOnServer(
        platform,
        fakeApi(() => fail(network), calls),
      ),
    ).toBe('unknown');
    const forbidden: RpcFailure = { kind: 'http', status: 403, code: '42501', message: 'no', details: 'not_a_member' };
    expect(
      await confirmOnServer(
        platform,
        fakeApi(() => fail(forbidden), calls),
      ),
    ).toBe('unknown');
    expect(calls.map((c) => c.name)).toEqual(['my_push_subscriptions', 'my_push_subscriptions']);
    // The list came, the save did not: still cannot tell.
    expect(
      await confirmOnServer(
        platform,
        fakeApi((name) => (name === 'my_push_subscriptions' ? listing() : fail(network))),
      ),
    ).toBe('unknown');
  });

  it('a phone without a subscription has nothing to confirm', async () => {
    const calls: Calls = [];
    expect(await confirmOnServer(fakePlatform({ permission: 'granted' }).platform, fakeApi(undefined, calls))).toBe('off');
    expect(calls).toEqual([]);
  });
});

describe('sending a test notification', () => {
  it('asks the server for this device’s endpoint and says it was queued', async () => {
    const { platform } = await phoneThatIsOn();
    const calls: Calls = [];
    const result = await sendTestPush(
      platform,
      fakeApi(() => ({ ok: true, data: { status: 'queued' } }), calls),
    );
    expect(result).toEqual({ status: 'queued' });
    expect(calls).toEqual([{ name: 'send_test_push', args: { p_endpoint: ENDPOINT } }]);
  });

  it('passes on the server’s wait within the minute', async () => {
    const { platform } = await phoneThatIsOn();
    const result = await sendTestPush(
      platform,
      fakeApi(() => ({ ok: true, data: { status: 'too_soon', retry_after_seconds: 42 } })),
    );
    expect(result).toEqual({ status: 'too_soon', retryAfterSeconds: 42 });
  });

  it('offline is a state, not an exception', async () => {
    const { platform } = await phoneThatIsOn();
    expect(
      await sendTestPush(
        platform,
        fakeApi(() => fail(network)),
      ),
    ).toEqual({ status: 'offline' });
  });

  it('a server that forgot this device is told it again, once, and then sends the test', async () => {
    const { platform } = await phoneThatIsOn();
    const calls: Calls = [];
    const api = fakeApi((name, nth) => (name === 'send_test_push' && nth === 1 ? fail(unknownSubscription) : { ok: true, data: { status: 'queued' } }), calls);
    expect(await sendTestPush(platform, api)).toEqual({ status: 'queued' });
    expect(calls.map((c) => c.name)).toEqual(['send_test_push', 'save_push_subscription', 'send_test_push']);
    expect(calls[1]!.args).toEqual({ p_endpoint: ENDPOINT, p_p256dh: P256DH, p_auth: AUTH });
  });

  it('says notifications are not reaching this phone when the server cannot be told it', async () => {
    const { platform } = await phoneThatIsOn();
    const refused = fakeApi((name) => fail(name === 'send_test_push' ? unknownSubscription : { ...unknownSubscription, details: 'invalid_endpoint' }));
    expect(await sendTestPush(platform, refused)).toEqual({ status: 'not_reaching' });
    const stillUnknown = fakeApi((name) => (name === 'send_test_push' ? fail(unknownSubscription) : { ok: true, data: {} }));
    expect(await sendTestPush(platform, stillUnknown)).toEqual({ status: 'not_reaching' });
  });

  it('sends nothing for a phone without a subscription, or one made for a replaced server key', async () => {
    const calls: Calls = [];
    expect(await sendTestPush(fakePlatform({ permission: 'granted' }).platform, fakeApi(undefined, calls))).toEqual({ status: 'not_reaching' });
    const { platform, manager } = fakePlatform({ permission: 'granted' });
    await manager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlBytes(b64url(new Uint8Array(65).fill(9)))! });
    expect(await sendTestPush(platform, fakeApi(undefined, calls))).toEqual({ status: 'not_reaching' });
    expect(calls).toEqual([]);
  });

  it('any other refusal comes back as the failure, for the screen to word', async () => {
    const { platform } = await phoneThatIsOn();
    const forbidden: RpcFailure = { kind: 'http', status: 403, code: '42501', message: 'not a member', details: 'not_a_member' };
    expect(
      await sendTestPush(
        platform,
        fakeApi(() => fail(forbidden)),
      ),
    ).toEqual({ status: 'failed', error: forbidden });
  });
});
