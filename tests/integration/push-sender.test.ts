/**
 * The push sender end to end (issue 11): supabase/functions/push-sender/sender.ts drains
 * the queue through the API as service_role and sends real Web Push requests (VAPID,
 * aes128gcm) to a local push service that decrypts them with each fake device's keys.
 *
 * The sender drains every organisation's queue, so this file runs on a stack of its own:
 * on the shared one it would claim (and answer for) other test files' messages.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import webpush from 'web-push';
import ws from 'ws';
import { pushSenderFunction, schedulePushSender, vapidSecrets } from '../../scripts/local-push-sender';
import { GENERATION_HEADER, MAX_GENERATION, PUSH_SENDER_NAME } from '../../supabase/functions/push-sender/handler';
import { type DrainReport, drainPushQueue, type SenderDeps } from '../../supabase/functions/push-sender/sender';
import { type Stack, startStack } from '../../supabase/local/stack';
import { DEMO, DEMO_PASSWORD, publishBriefing, SEED } from './support/fixtures';
import { type Delivery, type FakeDevice, type PushService, startPushService } from './support/push-service';

const MEMBER = {
  managerDowntown: '3e000000-0000-4000-8000-000000000002',
  riley: '3e000000-0000-4000-8000-000000000006',
  hr: '3e000000-0000-4000-8000-000000000001',
} as const;

let stack: Stack;
let pool: pg.Pool;
let service: PushService;
let sender: SupabaseClient;
let manager: SupabaseClient;
const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:push@frontline.test' };
/** What the stack logged (the served push-sender function logs each call's report). */
const stackLog: string[] = [];
/** The served function's share per call, small so a handful of devices needs follow-up calls. */
const DEVICES_PER_RUN = 2;

const clientOptions = { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: ws as unknown as typeof WebSocket } };

async function q<R extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<R[]> {
  return (await pool.query<R>(text, params)).rows;
}

/** A fake device saved as the member's subscription (in SQL: the endpoint is plain http on 127.0.0.1). */
async function register(memberId: string): Promise<FakeDevice & { id: string }> {
  const d = service.device();
  const [row] = await q<{ id: string }>(
    `insert into public.push_subscriptions (member_id, org_id, endpoint, p256dh, auth)
     select m.id, m.org_id, $2, $3, $4 from public.members m where m.id = $1 returning id`,
    [memberId, d.endpoint, d.p256dh, d.auth],
  );
  return { ...d, id: row!.id };
}

/** Moves a briefing's unsent messages 2 minutes into the past: its fold window has passed (no waiting). */
async function ripen(refId: string): Promise<void> {
  await q(`update private.push_queue set created_at = created_at - interval '2 minutes' where ref_id = $1 and sent_at is null`, [refId]);
}

function drain(extra: Partial<SenderDeps> = {}): Promise<DrainReport> {
  return drainPushQueue({ db: sender, fetch: (url, init) => fetch(url, init), vapid, ...extra });
}

/** What reached the push service from `from` on (an index into deliveries), per endpoint. */
function since(from: number): Delivery[] {
  return service.deliveries.slice(from);
}

const toDowntown = { store_ids: [SEED.downtown] };

beforeAll(async () => {
  stack = await startStack({
    dataDir: join(await mkdtemp(join(tmpdir(), 'frontline-push-')), 'pg'),
    persistent: false,
    apiPort: 0,
    dbPort: 0,
    log: (line) => stackLog.push(line),
    functions: { [PUSH_SENDER_NAME]: pushSenderFunction },
    functionSecrets: { ...vapidSecrets(vapid), PUSH_DEVICES_PER_RUN: String(DEVICES_PER_RUN) },
  });
  pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  // No quiet hours, so nothing here depends on the time of day.
  await q(`update public.stores set quiet_start = '00:00', quiet_end = '00:00'`);
  service = await startPushService();
  sender = createClient(stack.apiUrl, stack.serviceRoleKey, clientOptions);
  manager = createClient(stack.apiUrl, stack.anonKey, clientOptions);
  const { error } = await manager.auth.signInWithPassword({ email: DEMO.managerDowntown, password: DEMO_PASSWORD });
  if (error) throw new Error(error.message);
});

afterAll(async () => {
  await service?.close();
  await pool?.end();
  await stack?.stop();
});

describe('a briefing published to Downtown', () => {
  it('reaches exactly its audience’s devices, each with {title, store, url} and nothing more, signed with the VAPID key', async () => {
    const alex = [await register(SEED.alexMember), await register(SEED.alexMember)];
    const sam = await register(SEED.samMember);
    // Outside the audience: the author, HR, another store's member, another organisation's member.
    const outsiders = [await register(MEMBER.managerDowntown), await register(MEMBER.hr), await register(MEMBER.riley), await register(await otherOrgMember())];

    const from = service.deliveries.length;
    const id = await publishBriefing(manager, { ...toDowntown, title: 'Till float moves to the office safe' });
    await ripen(id);
    const report = await drain();
    const got = since(from);

    expect(got.map((d) => d.endpoint).sort()).toEqual([...alex, sam].map((d) => d.endpoint).sort());
    expect(got.some((d) => outsiders.some((o) => o.endpoint === d.endpoint))).toBe(false);
    expect(report).toMatchObject({ sent: 3, gone: 0, retried: 0, duplicatesSkipped: 0 });

    const messages = await q<{ id: string; subscription_id: string; sent_at: Date | null }>(
      'select id, subscription_id, sent_at from private.push_queue where ref_id = $1',
      [id],
    );
    expect(messages.every((m) => m.sent_at !== null)).toBe(true);
    for (const d of got) {
      expect(d.status).toBe(201);
      // The decrypted body, key for key: no briefing text, nothing beyond the contract.
      expect(JSON.parse(d.plaintext)).toStrictEqual({
        v: 1,
        kind: 'briefing',
        title: 'Till float moves to the office safe',
        store: 'Downtown',
        url: `/briefings/${id}`,
        tag: `briefing:${id}`,
        lang: 'en',
      });
      const message = messages.find((m) => m.subscription_id === [...alex, sam].find((x) => x.endpoint === d.endpoint)?.id);
      expect(d.topic).toBe(message?.id.replaceAll('-', ''));
      expect(d).toMatchObject({ urgency: 'normal', ttl: '86400', contentEncoding: 'aes128gcm' });
      await expectVapid(d);
    }

    // Sent is sent: the next run has nothing for these devices.
    const again = service.deliveries.length;
    await drain();
    expect(since(again)).toEqual([]);
  });

  it('a critical briefing goes with Urgency: high', async () => {
    const phone = await register(SEED.samMember);
    const from = service.deliveries.length;
    await publishBriefing(manager, { ...toDowntown, title: 'Fire exit blocked', priority: 'critical' });
    await drain();
    expect(since(from).find((d) => d.endpoint === phone.endpoint)?.urgency).toBe('high');
  });
});

describe('answers of the push service', () => {
  it('410 Gone deletes the subscription and what was queued for it', async () => {
    const phone = await register(SEED.samMember);
    service.answer(phone.endpoint, { status: 410 });
    const from = service.deliveries.length;
    await ripen(await publishBriefing(manager, { ...toDowntown, title: 'Uniform check' }));
    const report = await drain();
    expect(
      since(from)
        .filter((d) => d.endpoint === phone.endpoint)
        .map((d) => d.status),
    ).toEqual([410]);
    expect(report.gone).toBe(1);
    expect(await q('select 1 from public.push_subscriptions where id = $1', [phone.id])).toEqual([]);
    expect(await q('select 1 from private.push_queue where subscription_id = $1', [phone.id])).toEqual([]);
  });

  it('429 with Retry-After is retried no sooner than it says, then sent once', async () => {
    const phone = await register(SEED.alexMember);
    service.answer(phone.endpoint, { status: 429, retryAfter: '120' });
    const from = service.deliveries.length;
    const id = await publishBriefing(manager, { ...toDowntown, title: 'Stocktake on Sunday' });
    await ripen(id);
    expect((await drain()).retried).toBe(1);
    const [held] = await q<{ attempts: number; sent_at: Date | null; waits: boolean }>(
      `select attempts, sent_at, not_before > now() + interval '100 seconds' as waits from private.push_queue where ref_id = $1 and subscription_id = $2`,
      [id, phone.id],
    );
    expect(held).toEqual({ attempts: 1, sent_at: null, waits: true });

    // Within the Retry-After time nothing goes to that device.
    await drain();
    expect(since(from).filter((d) => d.endpoint === phone.endpoint)).toHaveLength(1);

    // The 120 seconds pass (moved in the queue rather than waited for).
    await q(`update private.push_queue set not_before = now() where ref_id = $1 and subscription_id = $2`, [id, phone.id]);
    await drain();
    await drain();
    const toPhone = since(from).filter((d) => d.endpoint === phone.endpoint);
    expect(toPhone.map((d) => d.status)).toEqual([429, 201]);
    // Both attempts carry the same Topic, so a push service holding the first replaces it.
    expect(toPhone[1]?.topic).toBe(toPhone[0]?.topic);
    expect(
      (await q<{ sent: boolean }>('select sent_at is not null as sent from private.push_queue where ref_id = $1 and subscription_id = $2', [id, phone.id]))[0],
    ).toEqual({
      sent: true,
    });
  });

  it('a network failure is retried with the queue’s backoff', async () => {
    const phone = await register(SEED.alexMember);
    const id = await publishBriefing(manager, { ...toDowntown, title: 'Card machine offline' });
    await ripen(id);
    const report = await drain({
      fetch: (url, init) => (url === phone.endpoint ? Promise.reject(new TypeError('fetch failed')) : fetch(url, init)),
    });
    expect(report.retried).toBe(1);
    const [row] = await q<{ attempts: number; last_error: string }>(
      'select attempts, last_error from private.push_queue where ref_id = $1 and subscription_id = $2',
      [id, phone.id],
    );
    expect(row).toEqual({ attempts: 1, last_error: 'network: fetch failed' });
  });
});

describe('a sender that crashes mid-run', () => {
  it('leaves unreported messages to the next run after the lease expires, which sends only what was not marked sent', async () => {
    for (let i = 0; i < 3; i++) await register(SEED.samMember);
    const id = await publishBriefing(manager, { ...toDowntown, title: 'Delivery bay closed' });
    await ripen(id);
    const queuedFor = await q<{ endpoint: string }>(
      'select s.endpoint from private.push_queue q join public.push_subscriptions s on s.id = q.subscription_id where q.ref_id = $1',
      [id],
    );
    const devices = queuedFor.map((r) => r.endpoint);
    expect(devices.length).toBeGreaterThanOrEqual(6);

    // Batches of 2, one request at a time; the crash comes after the first batch was
    // reported and the second batch's first message was accepted, before its push_done.
    const crash = new AbortController();
    const from = service.deliveries.length;
    service.onDelivery = () => {
      if (since(from).length === 3) crash.abort();
    };
    const crashed = await drain({ batchSize: 2, concurrency: 1, claimers: 1, leaseSeconds: 60, signal: crash.signal });
    service.onDelivery = undefined;
    expect(crashed).toMatchObject({ claims: 2, sent: 2, stoppedEarly: true });
    const firstRun = since(from);
    expect(firstRun).toHaveLength(3);
    const reported = firstRun.slice(0, 2).map((d) => d.endpoint);
    const acceptedUnreported = firstRun[2]!;

    const leased = await q<{ n: number }>('select count(*)::int as n from private.push_queue where ref_id = $1 and sent_at is null and lease_until > now()', [
      id,
    ]);
    expect(leased[0]?.n).toBe(2);
    // While the lease holds, another run leaves the crashed claim's messages alone.
    const during = service.deliveries.length;
    await drain({ batchSize: 2 });
    const duringRun = since(during).map((d) => d.endpoint);
    expect(duringRun).not.toContain(acceptedUnreported.endpoint);
    expect(duringRun.some((e) => reported.includes(e))).toBe(false);

    // The lease expires (moved in the queue rather than waited for); the next run sends the rest.
    await q('update private.push_queue set lease_until = now() - interval $$1 second$$ where ref_id = $1 and sent_at is null and claim is not null', [id]);
    await drain({ batchSize: 2 });
    const all = since(from).filter((d) => devices.includes(d.endpoint));
    const times = (endpoint: string) => all.filter((d) => d.endpoint === endpoint && d.status === 201).length;
    // Every device got it; those reported before the crash exactly once; the one accepted
    // but never reported at most once more, under the same Topic, which the push service
    // uses to replace the copy it still holds (and the tag replaces a shown one).
    for (const endpoint of devices) expect(times(endpoint)).toBeGreaterThanOrEqual(1);
    for (const endpoint of devices.filter((e) => e !== acceptedUnreported.endpoint)) expect(times(endpoint)).toBe(1);
    expect(times(acceptedUnreported.endpoint)).toBe(2);
    expect(new Set(all.filter((d) => d.endpoint === acceptedUnreported.endpoint).map((d) => d.topic)).size).toBe(1);
    expect(await q('select 1 from private.push_queue where ref_id = $1 and sent_at is null', [id])).toEqual([]);
  });
});

describe('the push-sender Edge Function, served by the stack', () => {
  const functionUrl = () => `${stack.apiUrl}/functions/v1/${PUSH_SENDER_NAME}`;
  const callFunction = (headers: Record<string, string> = {}, method = 'POST') =>
    fetch(functionUrl(), { method, headers: { authorization: `Bearer ${stack.serviceRoleKey}`, ...headers } });
  /** The calls that claimed something, by generation, from the stack's log. */
  const runs = (from: number) => stackLog.slice(from).filter((line) => /^push-sender g\d+: /.test(line));

  it('answers only the service role key, a POST and a known generation', async () => {
    expect((await callFunction({ authorization: `Bearer ${stack.anonKey}` })).status).toBe(403);
    expect((await callFunction({ authorization: '' })).status).toBe(403);
    expect((await callFunction({}, 'GET')).status).toBe(405);
    for (const generation of ['-1', '1.5', 'x', String(MAX_GENERATION + 1)]) {
      expect((await callFunction({ [GENERATION_HEADER]: generation })).status, generation).toBe(400);
    }
  });

  it('answers 202 at once and works through a backlog larger than one call’s share with follow-up calls, each device once', async () => {
    await q('delete from public.push_subscriptions');
    const phones = await Promise.all(Array.from({ length: 9 }, () => register(SEED.alexMember)));
    const from = service.deliveries.length;
    const logFrom = stackLog.length;
    const id = await publishBriefing(manager, { ...toDowntown, title: 'Stocktake starts at six' });
    await ripen(id);
    const started = await callFunction();
    expect(started.status).toBe(202);
    expect(await started.json()).toEqual({ started: true, generation: 0 });
    await vi.waitFor(() => expect(new Set(since(from).map((d) => d.endpoint))).toEqual(new Set(phones.map((p) => p.endpoint))), {
      timeout: 15_000,
      interval: 50,
    });
    await vi.waitFor(async () => expect(await q('select 1 from private.push_queue where ref_id = $1 and sent_at is null', [id])).toEqual([]));
    expect(since(from)).toHaveLength(phones.length);
    // Nine devices at two a call: follow-up calls (generation 2 and beyond) sent some of them.
    const sentBy = (generation: number) =>
      runs(logFrom)
        .filter((line) => line.startsWith(`push-sender g${generation}: `))
        .reduce((sum, line) => sum + (JSON.parse(line.slice(line.indexOf('{'))) as { sent: number }).sent, 0);
    expect(sentBy(0)).toBe(DEVICES_PER_RUN);
    expect(sentBy(2) + sentBy(3) + sentBy(4)).toBeGreaterThan(0);
  });

  it('npm start calls it on a timer, as pg_cron does when hosted, until stopped', async () => {
    const phone = await register(SEED.alexMember);
    const from = service.deliveries.length;
    const problems: string[] = [];
    const schedule = schedulePushSender(stack, (line) => problems.push(line), 50);
    try {
      const id = await publishBriefing(manager, { ...toDowntown, title: 'Late delivery tonight' });
      await ripen(id);
      await vi.waitFor(() => expect(since(from).find((d) => d.endpoint === phone.endpoint)?.plaintext).toContain(id), { timeout: 10_000, interval: 50 });
    } finally {
      await schedule.stop();
    }
    expect(problems).toEqual([]);
  });
});

/** The Authorization header is `vapid t=<JWT>, k=<public key>`: the JWT verifies against our public key, for this push service, from us. */
async function expectVapid(d: Delivery): Promise<void> {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(d.authorization ?? '');
  expect(match?.[2]).toBe(vapid.publicKey);
  const token = match![1]!;
  expect(decodeProtectedHeader(token).alg).toBe('ES256');
  const point = Buffer.from(vapid.publicKey, 'base64url');
  const key = await importJWK(
    { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33, 65).toString('base64url') },
    'ES256',
  );
  const { payload } = await jwtVerify(token, key, { audience: new URL(d.endpoint).origin });
  expect(payload.sub).toBe(vapid.subject);
  // RFC 8292: at most 24 hours ahead.
  expect((payload.exp ?? 0) - Date.now() / 1000).toBeLessThanOrEqual(24 * 3600);
}

/** A member of another organisation, made in SQL (they never sign in here). */
async function otherOrgMember(): Promise<string> {
  const [org] = await q<{ id: string }>(`insert into public.organizations (name) values ('Elsewhere') returning id`);
  const [store] = await q<{ id: string }>(`insert into public.stores (org_id, name, time_zone) values ($1, 'Downtown', 'UTC') returning id`, [org!.id]);
  const userId = randomUUID();
  await q(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data,
       created_at, updated_at, confirmation_token, recovery_token, email_change, email_change_token_new)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, '', now(), '{}', '{}', now(), now(), '', '', '', '')`,
    [userId, `elsewhere-${userId.slice(0, 8)}@test.invalid`],
  );
  const [member] = await q<{ id: string }>(
    `insert into public.members (user_id, org_id, store_id, role, display_name, email) values ($1, $2, $3, 'staff', 'Elsewhere', $4) returning id`,
    [userId, org!.id, store!.id, `elsewhere-${userId.slice(0, 8)}@test.invalid`],
  );
  return member!.id;
}
