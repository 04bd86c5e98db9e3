/**
 * This device as the server sees it. The browser's subscription says "on", but only
 * a row in push_subscriptions makes anything arrive: the server drops a device the
 * push service calls gone (410), and a shared phone moves to whoever saved it last.
 * confirmOnServer compares the two and silently saves the device again when the
 * server has forgotten it; sendTestPush asks the server to push this device once,
 * likewise telling it the device again first if need be. Both need the network and
 * answer codes; offline they change nothing.
 */
import type { OnlineApi } from '../online-api';
import type { RpcFailure } from '../supabase/rpc';
import { currentSubscription, madeForServerKey, type PushPlatform, saveOnServer } from './subscription';

/**
 * `known`: the server lists this device for the signed-in member; `resaved`: it did
 * not, and now does; `not_reaching`: it does not and could not be told (or the
 * subscription is for a replaced server key), so nothing reaches this phone;
 * `unknown`: the server could not be asked; `off`: the browser has no subscription.
 */
export type ServerCheck = 'known' | 'resaved' | 'not_reaching' | 'unknown' | 'off';

export type TestPushResult =
  | { status: 'queued' }
  | { status: 'too_soon'; retryAfterSeconds: number }
  | { status: 'offline' }
  | { status: 'not_reaching' }
  | { status: 'failed'; error: RpcFailure };

const isUnknownSubscription = (error: RpcFailure) => error.kind === 'http' && error.details === 'unknown_subscription';

/**
 * Makes the server's list agree with the browser: a device the browser is subscribed on
 * but the server does not list for this member (dropped after a 410, or saved by the
 * previous person on a shared phone) is saved again, which also moves it to this member.
 */
export async function confirmOnServer(platform: PushPlatform, api: OnlineApi): Promise<ServerCheck> {
  const subscription = await currentSubscription(platform);
  if (!subscription) return 'off';
  if (!madeForServerKey(platform, subscription)) return 'not_reaching';
  const mine = await api.call('my_push_subscriptions', {});
  if (!mine.ok) return 'unknown';
  if (mine.data.subscriptions.some((s) => s.endpoint === subscription.endpoint)) return 'known';
  const saved = await saveOnServer(subscription, api);
  return saved === 'saved' ? 'resaved' : saved === 'offline' ? 'unknown' : 'not_reaching';
}

/**
 * Asks the server to push one test notification to this device (send_test_push). A
 * server that has forgotten the device is told it again first, once.
 */
export async function sendTestPush(platform: PushPlatform, api: OnlineApi): Promise<TestPushResult> {
  const subscription = await currentSubscription(platform);
  // A subscription for a replaced server key would take the test and never show it.
  if (!subscription || !madeForServerKey(platform, subscription)) return { status: 'not_reaching' };
  const send = () => api.call('send_test_push', { p_endpoint: subscription.endpoint });
  let sent = await send();
  if (!sent.ok && isUnknownSubscription(sent.error)) {
    const saved = await saveOnServer(subscription, api);
    if (saved !== 'saved') return { status: saved === 'offline' ? 'offline' : 'not_reaching' };
    sent = await send();
  }
  if (sent.ok) return sent.data.status === 'queued' ? { status: 'queued' } : { status: 'too_soon', retryAfterSeconds: sent.data.retry_after_seconds };
  if (sent.error.kind === 'network') return { status: 'offline' };
  if (isUnknownSubscription(sent.error)) return { status: 'not_reaching' };
  return { status: 'failed', error: sent.error };
}
