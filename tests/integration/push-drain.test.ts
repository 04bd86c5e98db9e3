/**
 * The sender's drain (issue 11), through the API as service_role: push_claim holds a
 * device's non-critical messages until the newest is 2 minutes old (or the oldest 10),
 * then folds them into one notification and leases them so concurrent senders
 * never take the same message; push_done marks them sent (never again), deletes gone
 * subscriptions and releases retries; a crashed sender's lease expires and exactly its
 * unsent messages are claimed again. Nobody but service_role drains.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, DEMO, db, publishBriefing, signIn, sql } from './support/fixtures';
import { device, type PushWorld, pushWorld, queued, ripen, serviceClient, subscribe } from './support/push';

interface ClaimItem {
  subscription_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  message_ids: string[];
  topic: string;
  urgency: 'high' | 'normal';
  attempts: number;
  payload: { v: number; kind: string; title: string; store?: string; url: string; tag: string; count?: number; lang?: string };
}
interface Claim {
  claim: string;
  lease_until: string;
  items: ClaimItem[];
}
type Outcome = { subscription_id: string; status: 'sent' | 'gone' | 'retry'; retry_after_seconds?: number; error?: string };

let sender: SupabaseClient;
let world: PushWorld;

async function claim(limit = 1000, lease = 60): Promise<Claim> {
  const { data, error } = await sender.rpc('push_claim', { p_limit: limit, p_lease_seconds: lease });
  if (error) throw new Error(`push_claim: ${error.message}`);
  return data as Claim;
}
async function done(claimId: string, results: Outcome[]): Promise<Record<string, number>> {
  const { data, error } = await sender.rpc('push_done', { p_claim: claimId, p_results: results });
  if (error) throw new Error(`push_done: ${error.message}`);
  return data as Record<string, number>;
}
const itemFor = (c: Claim, subscriptionId: string) => c.items.find((i) => i.subscription_id === subscriptionId);
const audience = () => ({ store_ids: [world.storeId], department_ids: [world.departmentId] });

beforeAll(async () => {
  sender = serviceClient();
  world = await pushWorld(2);
});

describe('folding', () => {
  it('three briefings within two minutes reach a device as one "3 new briefings" pointing at /today', async () => {
    const phone = await subscribe(world.staff[0]!.client);
    const ids: string[] = [];
    for (const title of ['One', 'Two', 'Three']) ids.push(await publishBriefing(world.manager.client, { ...audience(), title }));
    const mine = (await Promise.all(ids.map(queued))).flat().filter((m) => m.subscription_id === phone.id);
    expect(mine).toHaveLength(3);
    // Within the two minutes nothing goes: another one may still come.
    expect(itemFor(await claim(), phone.id)).toBeUndefined();

    await ripen(ids);
    const c = await claim();
    const item = itemFor(c, phone.id);
    expect(item?.message_ids.sort()).toEqual(mine.map((m) => m.id).sort());
    expect(item?.payload).toEqual({ v: 1, kind: 'digest', title: 'Three', store: 'Harbour', url: '/today', tag: 'digest', count: 3, lang: 'en' });
    expect(item).toMatchObject({ endpoint: phone.endpoint, p256dh: phone.p256dh, auth: phone.auth, urgency: 'normal', attempts: 0 });
    // The Topic header: the oldest message's id, 32 characters of [0-9a-f].
    expect(item?.topic).toBe(mine[0]!.id.replaceAll('-', ''));
    expect(c.items.filter((i) => i.subscription_id === phone.id)).toHaveLength(1);

    expect(await done(c.claim, [{ subscription_id: phone.id, status: 'sent' }])).toMatchObject({ sent: 3, stale: 0 });
    const after = (await Promise.all(ids.map(queued))).flat().filter((m) => m.subscription_id === phone.id);
    expect(after.every((m) => m.sent_at !== null && m.claim === null)).toBe(true);
    // Sent is sent: never claimed again.
    expect(itemFor(await claim(), phone.id)).toBeUndefined();
  });

  it('a single message goes as itself: title, store and its address, nothing more', async () => {
    const phone = await subscribe(world.staff[1]!.client);
    const id = await publishBriefing(world.manager.client, { ...audience(), title: 'Fire exit blocked', priority: 'critical' });
    const item = itemFor(await claim(), phone.id);
    expect(item?.payload).toEqual({
      v: 1,
      kind: 'briefing',
      title: 'Fire exit blocked',
      store: 'Harbour',
      url: `/briefings/${id}`,
      tag: `briefing:${id}`,
      lang: 'en',
    });
    expect(item?.urgency).toBe('high');
  });
});

describe('the fold window', () => {
  /** Sets how old each briefing's messages are (seconds, by created_at), in the order given. */
  async function ages(ids: string[], seconds: number[]): Promise<void> {
    for (const [i, id] of ids.entries()) {
      await sql(`update private.push_queue set created_at = now() - make_interval(secs => $2) where ref_id = $1`, [id, seconds[i]]);
    }
  }
  const mineOn = async (ids: string[], subscriptionId: string) =>
    (await Promise.all(ids.map(queued))).flat().filter((m) => m.subscription_id === subscriptionId);

  it('three briefings within two minutes wait until the newest is two minutes old, then go as one', async () => {
    const phone = await subscribe(world.staff[0]!.client);
    const ids: string[] = [];
    for (const title of ['Rota', 'Till', 'Fridge']) ids.push(await publishBriefing(world.manager.client, { ...audience(), title }));
    // Published over two minutes: the oldest is 130 s old, but the newest only 10 s.
    await ages(ids, [130, 60, 10]);
    expect(itemFor(await claim(), phone.id)).toBeUndefined();
    await ripen(ids, 105); // newest 115 s old: still held
    expect(itemFor(await claim(), phone.id)).toBeUndefined();
    await ripen(ids, 10); // newest 125 s old
    const item = itemFor(await claim(), phone.id);
    expect(item?.message_ids.sort()).toEqual((await mineOn(ids, phone.id)).map((m) => m.id).sort());
    expect(item?.payload).toMatchObject({ kind: 'digest', title: 'Fridge', count: 3, url: '/today' });
    expect(item?.urgency).toBe('normal');
  });

  it('a critical briefing goes at once, taking the device’s held messages along under its title', async () => {
    const phone = await subscribe(world.staff[1]!.client);
    const routine = await publishBriefing(world.manager.client, { ...audience(), title: 'New rota' });
    expect(itemFor(await claim(), phone.id)).toBeUndefined();
    const critical = await publishBriefing(world.manager.client, { ...audience(), title: 'Gas leak: leave by the back', priority: 'critical' });
    const item = itemFor(await claim(), phone.id);
    expect(item?.message_ids.sort()).toEqual((await mineOn([routine, critical], phone.id)).map((m) => m.id).sort());
    expect(item?.payload).toMatchObject({ kind: 'digest', title: 'Gas leak: leave by the back', count: 2 });
    expect(item?.urgency).toBe('high');
  });

  it('a steady stream is not held past ten minutes from its oldest message', async () => {
    const phone = await subscribe(world.staff[0]!.client);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await publishBriefing(world.manager.client, { ...audience(), title: `Update ${i + 1}` }));
    // One every 110 s: the newest is never two minutes old.
    await ages(ids, [580, 470, 360, 250, 140, 30]);
    expect(itemFor(await claim(), phone.id)).toBeUndefined();
    await ripen(ids, 25); // the oldest is 605 s old, the newest 55 s
    const item = itemFor(await claim(), phone.id);
    expect(item?.message_ids).toHaveLength(6);
    expect(item?.payload).toMatchObject({ kind: 'digest', title: 'Update 6', count: 6 });
  });
});

describe('leases', () => {
  it('concurrent claims never take the same message, and together take every due one', async () => {
    const phones: Awaited<ReturnType<typeof subscribe>>[] = [];
    for (const member of [...world.staff, ...world.staff, ...world.staff]) phones.push(await subscribe(member.client));
    const ids = [await publishBriefing(world.manager.client, audience()), await publishBriefing(world.manager.client, audience())];
    await ripen(ids);
    const expected = (await Promise.all(ids.map(queued)))
      .flat()
      .filter((m) => phones.some((p) => p.id === m.subscription_id))
      .map((m) => m.id);
    expect(expected).toHaveLength(12);

    const taken: string[] = [];
    const bySubscription = new Map<string, string>();
    for (let round = 0; round < 10; round++) {
      const claims = await Promise.all([claim(2), claim(2), claim(3), claim(5)]);
      for (const c of claims) {
        for (const item of c.items) {
          taken.push(...item.message_ids);
          // One device is held by one claim at a time.
          expect(bySubscription.get(item.subscription_id) ?? c.claim).toBe(c.claim);
          bySubscription.set(item.subscription_id, c.claim);
        }
      }
      if (claims.every((c) => c.items.length === 0)) break;
    }
    expect(new Set(taken).size).toBe(taken.length);
    expect(taken).toEqual(expect.arrayContaining(expected));
  });

  it('senders claiming at once each fill their batch while enough is due, never sharing a device', async () => {
    // 30 devices of the two staff members, made in SQL (past the 10-device cap).
    const phones: string[] = [];
    for (let i = 0; i < 30; i++) {
      const d = device();
      const [row] = await sql<{ id: string }>(
        `insert into public.push_subscriptions (member_id, org_id, endpoint, p256dh, auth)
         select m.id, m.org_id, $2, $3, $4 from public.members m where m.id = $1 returning id`,
        [world.staff[i % 2]!.memberId, d.endpoint, d.p256dh, d.auth],
      );
      phones.push(row!.id);
    }
    const id = await publishBriefing(world.manager.client, { ...audience(), title: 'Everyone at once' });
    await ripen([id]);
    // Three senders, each claim left uncommitted while the next one claims: the later
    // ones read the queue without the earlier ones' leases, as overlapping calls do.
    const senders = await Promise.all([db().connect(), db().connect(), db().connect()]);
    let claims: Claim[];
    try {
      claims = [];
      for (const c of senders) {
        await c.query('begin');
        claims.push((await c.query<{ r: Claim }>('select public.push_claim(8, 60) as r')).rows[0]!.r);
      }
      for (const c of senders) await c.query('commit');
    } finally {
      for (const c of senders) c.release();
    }
    for (const c of claims) expect(c.items).toHaveLength(8);
    const devices = claims.flatMap((c) => c.items.map((i) => i.subscription_id));
    expect(new Set(devices).size).toBe(24);
    // What is left goes to the next claims.
    const rest: string[] = [];
    for (let c = await claim(1000); c.items.length > 0; c = await claim(1000)) rest.push(...c.items.map((i) => i.subscription_id));
    expect(phones.every((p) => devices.includes(p) || rest.includes(p))).toBe(true);
  });

  it('a crashed sender’s lease expires and exactly its unsent messages are claimed again; its late results change nothing', async () => {
    const [p1, p2] = [await subscribe(world.staff[0]!.client), await subscribe(world.staff[1]!.client)];
    await ripen([await publishBriefing(world.manager.client, audience())]);
    const first = await claim();
    const [i1, i2] = [itemFor(first, p1.id)!, itemFor(first, p2.id)!];
    // The sender sent to p1 and recorded it, then crashed before p2.
    expect(await done(first.claim, [{ subscription_id: p1.id, status: 'sent' }])).toMatchObject({ sent: 1 });
    // Until the lease ends nobody else takes p2's message.
    expect(itemFor(await claim(), p2.id)).toBeUndefined();
    // Time passes (the lease is moved into the past rather than waited for).
    await sql(`update private.push_queue set lease_until = now() - interval '1 second' where claim = $1`, [first.claim]);
    const second = await claim();
    expect(itemFor(second, p1.id)).toBeUndefined();
    expect(itemFor(second, p2.id)?.message_ids).toEqual(i2.message_ids);
    expect(itemFor(second, p2.id)?.topic).toBe(i2.topic); // same Topic: the push service replaces a duplicate
    // The crashed sender comes back late: its claim no longer holds anything.
    expect(await done(first.claim, [{ subscription_id: p2.id, status: 'sent' }])).toMatchObject({ sent: 0, stale: 1 });
    expect(await done(second.claim, [{ subscription_id: p2.id, status: 'sent' }])).toMatchObject({ sent: 1, stale: 0 });
    expect(i1.message_ids).toHaveLength(1);
  });
});

describe('outcomes', () => {
  it('gone (404/410) deletes the subscription and what was queued for it', async () => {
    const phone = await subscribe(world.staff[0]!.client);
    const id = await publishBriefing(world.manager.client, audience());
    await ripen([id]);
    const c = await claim();
    expect(itemFor(c, phone.id)).toBeDefined();
    expect(await done(c.claim, [{ subscription_id: phone.id, status: 'gone' }])).toMatchObject({ gone: 1 });
    expect(await sql('select 1 from public.push_subscriptions where id = $1', [phone.id])).toEqual([]);
    expect((await queued(id)).filter((m) => m.subscription_id === phone.id)).toEqual([]);
  });

  it('retry (429/5xx) releases the message until the retry time, counting attempts, and gives up after 8', async () => {
    const phone = await subscribe(world.staff[1]!.client);
    const id = await publishBriefing(world.manager.client, audience());
    await ripen([id]);
    const c = await claim();
    expect(await done(c.claim, [{ subscription_id: phone.id, status: 'retry', retry_after_seconds: 120, error: '429 Too Many Requests' }])).toMatchObject({
      retried: 1,
      gave_up: 0,
    });
    const [held] = await sql<{ attempts: number; claim: string | null; later: boolean }>(
      `select attempts, claim, not_before > now() + interval '100 seconds' as later from private.push_queue where ref_id = $1 and subscription_id = $2`,
      [id, phone.id],
    );
    expect(held).toEqual({ attempts: 1, claim: null, later: true });
    expect(itemFor(await claim(), phone.id)).toBeUndefined();

    // Due again (time moved), on its 8th attempt: one more failure and it is given up.
    await sql(`update private.push_queue set not_before = now() - interval '1 second', attempts = 7 where ref_id = $1 and subscription_id = $2`, [
      id,
      phone.id,
    ]);
    const again = await claim();
    expect(itemFor(again, phone.id)?.attempts).toBe(7);
    expect(await done(again.claim, [{ subscription_id: phone.id, status: 'retry', error: '503' }])).toMatchObject({ retried: 1, gave_up: 1 });
    await sql(`update private.push_queue set not_before = now() - interval '1 second' where ref_id = $1 and subscription_id = $2`, [id, phone.id]);
    expect(itemFor(await claim(), phone.id)).toBeUndefined();
  });

  it('refuses malformed results and limits', async () => {
    for (const [args, code] of [
      [{ p_limit: 0 }, 'invalid_limit'],
      [{ p_limit: 1001 }, 'invalid_limit'],
      [{ p_limit: 10, p_lease_seconds: 1 }, 'invalid_lease'],
    ] as const) {
      const { error } = await sender.rpc('push_claim', args);
      expect(error).toMatchObject({ code: '22023', details: code });
    }
    const { error } = await sender.rpc('push_done', { p_claim: crypto.randomUUID(), p_results: [{ subscription_id: 'x', status: 'sent' }] });
    expect(error).toMatchObject({ code: '22023', details: 'invalid_results' });
  });
});

describe('cleanup', () => {
  it('push_cleanup deletes messages sent or given up more than 7 days ago, and nothing still to send', async () => {
    const phone = await subscribe(world.staff[0]!.client);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await publishBriefing(world.manager.client, audience()));
    const [sentLongAgo, sentRecently, gaveUpLongAgo, gaveUpRecently, unsent] = ids;
    const set = (id: string | undefined, change: string) =>
      sql(`update private.push_queue set ${change} where ref_id = $1 and subscription_id = $2`, [id, phone.id]);
    await set(sentLongAgo, `sent_at = now() - interval '8 days'`);
    await set(sentRecently, `sent_at = now() - interval '6 days'`);
    await set(gaveUpLongAgo, `gave_up_at = now() - interval '8 days', attempts = 8`);
    await set(gaveUpRecently, `gave_up_at = now() - interval '6 days', attempts = 8`);
    await set(unsent, `created_at = now() - interval '30 days', not_before = now() + interval '1 day'`);
    const left = async () =>
      (await sql<{ ref_id: string }>('select ref_id from private.push_queue where subscription_id = $1', [phone.id])).map((m) => m.ref_id).sort();

    const { data, error } = await sender.rpc('push_cleanup');
    expect(error).toBeNull();
    expect((data as { deleted: number }).deleted).toBeGreaterThanOrEqual(2);
    expect(await left()).toEqual([sentRecently, gaveUpRecently, unsent].sort());

    // The scheduler's clock two days on: the others pass 7 days too; the unsent one stays.
    const later = await sender.rpc('push_cleanup', { p_now: new Date(Date.now() + 2 * 86_400_000).toISOString() });
    expect(later.error).toBeNull();
    expect(await left()).toEqual([unsent]);
  });

  it('only service_role may clean up', async () => {
    for (const client of [anonClient(), world.staff[0]!.client, await signIn(DEMO.hr)]) {
      const { error } = await client.rpc('push_cleanup');
      expect(error?.code).toBe('42501');
    }
  });
});

describe('only service_role drains', () => {
  it('anon, staff, managers and HR can neither claim nor record', async () => {
    const clients = [anonClient(), world.staff[0]!.client, world.manager.client, await signIn(DEMO.hr)];
    for (const client of clients) {
      const claimed = await client.rpc('push_claim', { p_limit: 10 });
      expect(claimed.error?.code).toBe('42501');
      const recorded = await client.rpc('push_done', { p_claim: crypto.randomUUID(), p_results: [] });
      expect(recorded.error?.code).toBe('42501');
    }
  });
});
