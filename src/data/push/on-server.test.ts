import { describe, expect, it } from 'vitest';
import type { RpcFailure, RpcOutcome } from '../supabase/rpc';
import { sendTestPush } from './on-server';
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
