/**
 * The Web Push sender (issue 11): one drain of the push queue, the same code on hosted
 * Supabase (index.ts, an Edge Function called on a schedule) and locally (`npm start`,
 * tests, the bench). Everything it touches from outside comes in through SenderDeps
 * (the database, fetch, the clock), so the core runs on Deno and Node alike; the
 * encryption (RFC 8291 aes128gcm) and the VAPID signature (RFC 8292) are `web-push`'s,
 * and the request goes out through the injected fetch.
 *
 * A drain: enqueue_due_reminders, then push_claim batches until nothing is due, each
 * item sent and its outcome reported with push_done. Two claim loops run side by side,
 * so one batch is being claimed or reported while the other is on the wire (the leases
 * keep their batches apart). Delivery is at least once across runs (a run that dies
 * after the push service accepted an item but before push_done leaves it to be claimed
 * again when its lease expires; the Topic header lets the push service replace the
 * first copy if it is still waiting), never twice within a run.
 */
import webpush from 'web-push';
import { parsePushPayload } from '../../../src/data/supabase/push-payload.ts';
import type { RpcClient } from '../_shared/rpc-client.ts';

export interface PushItem {
  subscription_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  message_ids: string[];
  topic: string;
  urgency: 'high' | 'normal';
  attempts: number;
  payload: unknown;
}

export interface PushClaim {
  claim: string;
  lease_until: string;
  items: PushItem[];
}

export type PushOutcome =
  | { subscription_id: string; status: 'sent' }
  | { subscription_id: string; status: 'gone'; error: string }
  | { subscription_id: string; status: 'retry'; retry_after_seconds?: number; error: string };

export interface VapidKeys {
  /** mailto: or https: address the push services can reach the sender's operator at. */
  subject: string;
  publicKey: string;
  privateKey: string;
}

export interface SenderDeps {
  db: RpcClient;
  fetch: (
    url: string,
    init: { method: string; headers: Record<string, string>; body: Uint8Array<ArrayBuffer>; signal: AbortSignal },
  ) => Promise<{
    status: number;
    headers: { get(name: string): string | null };
  }>;
  vapid: VapidKeys;
  /** Milliseconds since the epoch (Retry-After dates, the run's deadline). */
  now?: () => number;
  /** Devices per push_claim (at most 1000). */
  batchSize?: number;
  /** How long a claim holds its messages; a batch must be sent and reported within it. */
  leaseSeconds?: number;
  /** Requests in flight at once, over all claim loops. */
  concurrency?: number;
  /** Claim loops running side by side. */
  claimers?: number;
  /** How long the push service keeps an undelivered message (the TTL header). */
  ttlSeconds?: number;
  requestTimeoutMs?: number;
  /** No new claim after this time (ms since the epoch): an Edge Function call has a wall-clock limit. */
  deadline?: number;
  /** Devices claimed at most in this run (an Edge Function call also has a CPU limit); unbounded when absent. */
  maxDevices?: number;
  /** Aborted: stop at once, sending nothing more and reporting nothing (a crash, as the database sees it). */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export interface DrainReport {
  reminders: unknown;
  claims: number;
  sent: number;
  gone: number;
  retried: number;
  /** Items whose every message this run had already delivered: reported sent without a second request. */
  duplicatesSkipped: number;
  /** The run stopped before the queue was empty (deadline or abort). */
  stoppedEarly: boolean;
  /** The run claimed its maxDevices, the last claim full: more is probably due. */
  more: boolean;
}

const DEFAULTS = { batchSize: 200, leaseSeconds: 120, concurrency: 32, claimers: 2, ttlSeconds: 24 * 3600, requestTimeoutMs: 15_000 };
/** A VAPID JWT may live 24 hours (RFC 8292); ours live 12 and are renewed with an hour to spare. */
const VAPID_JWT_SECONDS = 12 * 3600;
const VAPID_RENEW_BEFORE_MS = 3600_000;

async function call<T>(db: RpcClient, fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const { data, error } = await db.rpc(fn, args);
  if (error) throw new Error(`${fn} failed: ${error.message}`);
  return data as T;
}

/** One drain of the queue; throws when the database cannot be reached (the next scheduled run picks up). */
export async function drainPushQueue(deps: SenderDeps): Promise<DrainReport> {
  const now = deps.now ?? Date.now;
  const batchSize = Math.min(deps.batchSize ?? DEFAULTS.batchSize, 1000);
  const claimers = Math.max(1, deps.claimers ?? DEFAULTS.claimers);
  const concurrency = Math.max(1, Math.ceil((deps.concurrency ?? DEFAULTS.concurrency) / claimers));
  const report: DrainReport = { reminders: null, claims: 0, sent: 0, gone: 0, retried: 0, duplicatesSkipped: 0, stoppedEarly: false, more: false };
  // Devices the loops may still claim; each loop takes its share before asking.
  let budget = deps.maxDevices ?? Number.POSITIVE_INFINITY;
  const run: DrainRun = { deps, now, report, concurrency, authorization: vapidAuthorizer(deps.vapid, now), sending: new Map() };
  let failed = false;
  const stop = () => failed || deps.signal?.aborted || (deps.deadline !== undefined && now() >= deps.deadline);

  const claimLoop = async () => {
    for (;;) {
      if (stop()) {
        report.stoppedEarly = true;
        return;
      }
      const limit = Math.min(batchSize, budget);
      if (limit < 1) return;
      budget -= limit;
      const claim = await call<PushClaim>(deps.db, 'push_claim', { p_limit: limit, p_lease_seconds: deps.leaseSeconds ?? DEFAULTS.leaseSeconds });
      budget += limit - claim.items.length;
      // Only an empty claim means nothing is due: with other senders claiming at the same
      // time, devices they hold are skipped and a batch comes back short with more to do.
      if (claim.items.length === 0) return;
      report.claims += 1;
      const outcomes = await sendAll(claim.items, run);
      // A crash before push_done: what was accepted stays leased and goes again after the lease.
      if (deps.signal?.aborted) {
        report.stoppedEarly = true;
        return;
      }
      await call(deps.db, 'push_done', { p_claim: claim.claim, p_results: outcomes });
      for (const outcome of outcomes) {
        if (outcome.status === 'sent') report.sent += 1;
        else if (outcome.status === 'gone') report.gone += 1;
        else report.retried += 1;
      }
    }
  };

  report.reminders = await call(deps.db, 'enqueue_due_reminders');
  const loops = await Promise.allSettled(
    Array.from({ length: claimers }, () =>
      claimLoop().catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    ),
  );
  const failure = loops.find((l) => l.status === 'rejected');
  if (failure) throw failure.reason;
  report.more = budget <= 0;
  return report;
}

interface DrainRun {
  deps: SenderDeps;
  now: () => number;
  report: DrainReport;
  /** Requests in flight per claim. */
  concurrency: number;
  authorization: (endpoint: string) => string;
  /**
   * Message id to whether a push service accepted it, for every message this run has
   * sent or is sending, so a claim that comes round again (a push_done that failed and
   * a lease that expired meanwhile) is not sent twice, even while the first is in flight.
   */
  sending: Map<string, Promise<boolean>>;
}

async function sendAll(items: PushItem[], run: DrainRun): Promise<PushOutcome[]> {
  const outcomes: PushOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length && !run.deps.signal?.aborted) {
      const item = items[next++]!;
      const earlier = item.message_ids.map((id) => run.sending.get(id));
      if (earlier.length > 0 && earlier.every((e) => e !== undefined) && (await Promise.all(earlier)).every(Boolean)) {
        run.report.duplicatesSkipped += 1;
        outcomes.push({ subscription_id: item.subscription_id, status: 'sent' });
        continue;
      }
      const sent = sendOne(item, run.deps, run.now, run.authorization);
      const accepted = sent.then((o) => o.status === 'sent');
      for (const id of item.message_ids) if (!run.sending.has(id)) run.sending.set(id, accepted);
      const outcome = await sent;
      // A message that failed here may go again in this run, through a later claim.
      if (outcome.status !== 'sent') for (const id of item.message_ids) if (run.sending.get(id) === accepted) run.sending.delete(id);
      outcomes.push(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(run.concurrency, items.length)) }, worker));
  return outcomes;
}

/**
 * The Authorization header for an endpoint's push service: one VAPID JWT per origin
 * (its audience), reused until an hour before it expires, since signing one per
 * request was most of the sender's CPU.
 */
export function vapidAuthorizer(vapid: VapidKeys, now: () => number): (endpoint: string) => string {
  const byAudience = new Map<string, { header: string; renewAt: number }>();
  return (endpoint) => {
    const audience = new URL(endpoint).origin;
    const cached = byAudience.get(audience);
    if (cached && now() < cached.renewAt) return cached.header;
    const expires = Math.floor(now() / 1000) + VAPID_JWT_SECONDS;
    const header = webpush.getVapidHeaders(audience, vapid.subject, vapid.publicKey, vapid.privateKey, 'aes128gcm', expires).Authorization;
    byAudience.set(audience, { header, renewAt: expires * 1000 - VAPID_RENEW_BEFORE_MS });
    return header;
  };
}

/** Sends one item and says what the push service's answer means for the queue. */
async function sendOne(item: PushItem, deps: SenderDeps, now: () => number, authorization: (endpoint: string) => string): Promise<PushOutcome> {
  const id = item.subscription_id;
  // The payload is re-validated (and stripped to the schema's fields) so that whatever the
  // queue holds, nothing but a title, store and address leaves for the push service.
  const payload = parsePushPayload(item.payload);
  if (!payload) return { subscription_id: id, status: 'retry', error: 'payload does not match the push payload schema' };
  let request: ReturnType<typeof webpush.generateRequestDetails>;
  try {
    request = webpush.generateRequestDetails({ endpoint: item.endpoint, keys: { p256dh: item.p256dh, auth: item.auth } }, JSON.stringify(payload), {
      // Signed once per push service (vapidAuthorizer), not by web-push per request.
      headers: { Authorization: authorization(item.endpoint) },
      TTL: deps.ttlSeconds ?? DEFAULTS.ttlSeconds,
      urgency: item.urgency,
      topic: item.topic,
      contentEncoding: 'aes128gcm',
    });
  } catch (error) {
    return { subscription_id: id, status: 'retry', error: `could not encrypt: ${message(error)}` };
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    // fetch sets the length from the body itself, and some runtimes refuse it as a header.
    if (name.toLowerCase() !== 'content-length') headers[name] = String(value);
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), deps.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs);
  try {
    const response = await deps.fetch(item.endpoint, { method: 'POST', headers, body: new Uint8Array(request.body ?? []), signal: abort.signal });
    return outcomeOf(id, response.status, response.headers.get('retry-after'), now());
  } catch (error) {
    return { subscription_id: id, status: 'retry', error: `network: ${message(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** RFC 8030 answers: 201 accepted; 404/410 the subscription is gone; 429 and 5xx later. */
export function outcomeOf(subscriptionId: string, status: number, retryAfter: string | null, nowMs: number): PushOutcome {
  if (status >= 200 && status < 300) return { subscription_id: subscriptionId, status: 'sent' };
  if (status === 404 || status === 410) return { subscription_id: subscriptionId, status: 'gone', error: `HTTP ${status}` };
  const seconds = retryAfterSeconds(retryAfter, nowMs);
  // Other 4xx (a malformed request, a VAPID key the subscription was not made with) are
  // retried too: the queue gives up after 8 attempts and keeps the error, while a
  // subscription is deleted only when the push service says it is gone.
  return seconds === undefined
    ? { subscription_id: subscriptionId, status: 'retry', error: `HTTP ${status}` }
    : { subscription_id: subscriptionId, status: 'retry', retry_after_seconds: seconds, error: `HTTP ${status}` };
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110), in whole seconds from now; undefined when absent or unreadable. */
export function retryAfterSeconds(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number(trimmed));
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(1, Math.ceil((at - nowMs) / 1000));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
