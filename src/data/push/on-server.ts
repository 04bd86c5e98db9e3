/**
 * This device as the server sees it. The browser's subscription says "on", but only
 * a row in push_subscriptions makes anything arrive: the server drops a device the
 * push service calls gone (410), and a shared phone moves to whoever saved it last.
 * sendTestPush asks the server to push this device once, telling it the device again
 * if it had forgotten it. It needs the network and answers codes.
 */
import type { OnlineApi } from '../online-api';
import type { RpcFailure } from '../supabase/rpc';
import { currentSubscription, madeForServerKey, type PushPlatform, saveOnServer } from './subscription';

export type TestPushResult =
  | { status: 'queued' }
  | { status: 'too_soon'; retryAfterSeconds: number }
  | { status: 'offline' }
  | { status: 'not_reaching' }
  | { status: 'failed'; error: RpcFailure };

const isUnknownSubscription = (error: RpcFailure) => error.kind === 'http' && error.details === 'unknown_subscription';

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
