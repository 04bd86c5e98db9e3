/**
 * The push sender's HTTP entry, the same on hosted Supabase (index.ts hands it to
 * Deno.serve) and on the local stack (supabase/local/functions-api.ts serves it at the
 * same address): a scheduled POST starts a drain and is answered 202 at once; the drain
 * goes on in the background (EdgeRuntime.waitUntil there, a tracked promise here).
 *
 * An Edge Function call may spend 2 s of CPU, and encrypting a message costs a fraction
 * of a millisecond, so one call claims at most `devicesPerRun` devices. A call that used
 * its whole share with more still due calls the function again twice, one generation
 * down, up to MAX_GENERATION: a backlog is worked through by up to 2^(MAX_GENERATION+1)-1
 * calls side by side (the leases keep them apart), and whatever is left waits for the
 * next scheduled call.
 */
import type { RpcClient } from '../_shared/rpc-client.ts';
import { drainPushQueue, type VapidKeys } from './sender.ts';

export const PUSH_SENDER_NAME = 'push-sender';
/** The request header carrying a call's generation (0 from the scheduler). */
export const GENERATION_HEADER = 'x-frontline-push-generation';
export const MAX_GENERATION = 4;
const FOLLOW_UPS = 2;
/** Devices one call claims at most; measured with `npm run bench` (push.sender_cpu_ms_per_device). */
export const DEVICES_PER_RUN = 2000;
/** Edge Functions are stopped at their wall-clock limit (150 s on the free plan): stop claiming well before. */
const RUN_BUDGET_MS = 100_000;

/** What the function gets from its runtime. */
export interface PushSenderRuntime {
  env(name: string): string | undefined;
  createDb(url: string, serviceRoleKey: string): RpcClient;
  /** For the push services and for calling the function again. */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Keeps the call alive for work that goes on after the response. */
  waitUntil(work: Promise<unknown>): void;
  log(line: string): void;
  /** Aborted when the runtime shuts down (the local stack stopping). */
  signal?: AbortSignal;
  now?: () => number;
}

export function pushSender(runtime: PushSenderRuntime): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'POST') return json(405, { error: 'method_not_allowed' });
    const serviceKey = runtime.env('SUPABASE_SERVICE_ROLE_KEY');
    const url = runtime.env('SUPABASE_URL');
    const vapid = vapidKeys(runtime);
    if (!serviceKey || !url || !vapid) return json(500, { error: 'not_configured', missing: missingSettings(runtime) });
    // Only the scheduler and the function itself (holding the service key) may start a
    // drain: anyone else could make it spend the project's quota.
    if (request.headers.get('authorization') !== `Bearer ${serviceKey}`) return json(403, { error: 'forbidden' });
    const generation = Number(request.headers.get(GENERATION_HEADER) ?? '0');
    if (!Number.isInteger(generation) || generation < 0 || generation > MAX_GENERATION) {
      return json(400, { error: 'invalid_generation', max: MAX_GENERATION });
    }
    const devicesPerRun = positiveInt(runtime.env('PUSH_DEVICES_PER_RUN')) ?? DEVICES_PER_RUN;
    const now = runtime.now ?? Date.now;

    runtime.waitUntil(
      (async () => {
        try {
          const report = await drainPushQueue({
            db: runtime.createDb(url, serviceKey),
            fetch: runtime.fetch,
            vapid,
            now,
            deadline: now() + RUN_BUDGET_MS,
            maxDevices: devicesPerRun,
            signal: runtime.signal,
          });
          // The scheduler's calls are logged when they sent something, follow-ups always.
          if (report.claims > 0 || generation > 0) runtime.log(`push-sender g${generation}: ${JSON.stringify(report)}`);
          if (report.more && generation < MAX_GENERATION && !runtime.signal?.aborted) {
            await Promise.all(Array.from({ length: FOLLOW_UPS }, () => callAgain(runtime, url, serviceKey, generation + 1)));
          }
        } catch (error) {
          runtime.log(`push-sender g${generation} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      })(),
    );
    return json(202, { started: true, generation });
  };
}

async function callAgain(runtime: PushSenderRuntime, url: string, serviceKey: string, generation: number): Promise<void> {
  try {
    const response = await runtime.fetch(`${url}/functions/v1/${PUSH_SENDER_NAME}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${serviceKey}`, [GENERATION_HEADER]: String(generation) },
      signal: runtime.signal,
    });
    await response.body?.cancel();
    if (response.status !== 202) runtime.log(`push-sender: a follow-up call was answered ${response.status}`);
  } catch (error) {
    runtime.log(`push-sender: a follow-up call failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function vapidKeys(runtime: PushSenderRuntime): VapidKeys | null {
  const subject = runtime.env('VAPID_SUBJECT');
  const publicKey = runtime.env('VAPID_PUBLIC_KEY');
  const privateKey = runtime.env('VAPID_PRIVATE_KEY');
  return subject && publicKey && privateKey ? { subject, publicKey, privateKey } : null;
}

function missingSettings(runtime: PushSenderRuntime): string[] {
  return ['SUPABASE_URL', 'SUPABASE_SERVICE_ROLE_KEY', 'VAPID_SUBJECT', 'VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY'].filter((name) => !runtime.env(name));
}

function positiveInt(value: string | undefined): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
