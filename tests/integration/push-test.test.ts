/**
 * "Send a test" (issue 11): send_test_push queues one message for the caller's own
 * device with that endpoint (never their other devices, never anyone else's), which
 * push_claim hands out at once, quiet hours and off days notwithstanding, and on its
 * own (a digest never swallows it); at most once a minute per device.
 *
 * The claims run as service_role inside a transaction that is rolled back: this stack
 * is shared with other files, whose due messages a committed claim would lease away.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePushPayload } from '../../src/data/supabase/push-payload';
import { callRpc } from '../../src/data/supabase/rpc';
import { anonClient, asUserInSql, createMember, createOrg, publishBriefing, sql } from './support/fixtures';
import { type Device, device, failure, type PushWorld, pushWorld, ripen, subscribe } from './support/push';

interface ClaimItem {
  subscription_id: string;
  message_ids: string[];
  urgency: 'high' | 'normal';
  payload: Record<string, unknown>;
}

/** Runs push_claim `times` times as the sender, in one transaction that is then rolled back. */
async function claimsRolledBack(times = 1): Promise<ClaimItem[][]> {
  return asUserInSql(
    null,
    async (c) => {
      const claims: ClaimItem[][] = [];
      for (let i = 0; i < times; i++) {
        const { rows } = await c.query<{ claim: { items: ClaimItem[] } }>('select public.push_claim(1000, 60) as claim');
        claims.push(rows[0]!.claim.items);
      }
      return claims;
    },
    'service_role',
  );
}
const itemFor = (items: ClaimItem[], subscriptionId: string) => items.find((i) => i.subscription_id === subscriptionId);

/** The test messages queued for these devices, as stored. */
async function tests(subscriptionIds: string[]) {
  return sql<{ id: string; subscription_id: string; member_id: string; urgent: boolean; due: boolean; url: string; tag: string; title: string }>(
    `select id, subscription_id, member_id, urgent, not_before <= now() as due, url, tag, title
     from private.push_queue where kind = 'test' and subscription_id = any ($1::uuid[]) order by created_at, id`,
    [subscriptionIds],
  );
}

function sendTest(client: SupabaseClient, d: Pick<Device, 'endpoint'>) {
  return callRpc(client, 'send_test_push', { p_endpoint: d.endpoint });
}

let world: PushWorld;
let orgName: string;
beforeAll(async () => {
  world = await pushWorld(2);
  [{ name: orgName }] = (await sql<{ name: string }>('select name from public.organizations where id = $1', [world.orgId])) as [{ name: string }];
});

describe('the caller’s own device', () => {
  it('gets exactly one test, which push_claim hands out at once in quiet hours and on an off day, to /account', async () => {
    const [a] = world.staff;
    const phone = await subscribe(a!.client);
    const tablet = await subscribe(a!.client);
    // Quiet now, in the store's own zone, and today is one of a's days off.
    await sql(
      `update public.stores set quiet_start = (now() at time zone time_zone - interval '1 hour')::time,
                                quiet_end = (now() at time zone time_zone + interval '1 hour')::time where id = $1`,
      [world.storeId],
    );
    const [{ today }] = (await sql<{ today: number }>(
      `select extract(isodow from now() at time zone s.time_zone)::int as today from public.stores s where s.id = $1`,
      [world.storeId],
    )) as [{ today: number }];
    expect((await callRpc(a!.client, 'set_my_off_days', { p_days: [today] })).ok).toBe(true);
    try {
      // Quiet hours are in force: an ordinary briefing waits.
      const briefingId = await publishBriefing(world.manager.client, { store_ids: [world.storeId] });
      const [held] = await sql<{ due: boolean }>(`select not_before <= now() as due from private.push_queue where ref_id = $1 and subscription_id = $2`, [
        briefingId,
        phone.id,
      ]);
      expect(held).toEqual({ due: false });

      const sent = await sendTest(a!.client, phone);
      expect(sent.ok && sent.data).toEqual({ status: 'queued' });
      const queued = await tests([phone.id, tablet.id]);
      expect(queued).toEqual([
        { id: expect.any(String), subscription_id: phone.id, member_id: a!.memberId, urgent: true, due: true, url: '/account', tag: 'test', title: orgName },
      ]);

      const [items] = await claimsRolledBack();
      const item = itemFor(items!, phone.id);
      expect(item?.message_ids).toEqual([queued[0]!.id]);
      expect(item?.urgency).toBe('high');
      expect(item?.payload).toEqual({ v: 1, kind: 'test', title: orgName, store: 'Harbour', url: '/account', tag: 'test', lang: 'en' });
      // The service worker takes it as it comes (the sender re-checks it the same way).
      expect(parsePushPayload(item?.payload)).not.toBeNull();
      expect(itemFor(items!, tablet.id)).toBeUndefined();
    } finally {
      await sql(`update public.stores set quiet_start = '00:00', quiet_end = '00:00' where id = $1`, [world.storeId]);
      await callRpc(a!.client, 'set_my_off_days', { p_days: [] });
    }
  });

  it('goes alone: a briefing due on the same device is neither folded into it nor counted, and follows at the next claim', async () => {
    const [, b] = world.staff;
    const phone = await subscribe(b!.client);
    const briefingId = await publishBriefing(world.manager.client, { store_ids: [world.storeId], title: 'New rota' });
    await ripen([briefingId]);
    expect((await sendTest(b!.client, phone)).ok).toBe(true);
    const [test] = await tests([phone.id]);

    const [first, second] = await claimsRolledBack(2);
    expect(itemFor(first!, phone.id)).toMatchObject({ message_ids: [test!.id], payload: { kind: 'test', url: '/account' } });
    expect(itemFor(second!, phone.id)?.payload).toMatchObject({ kind: 'briefing', title: 'New rota', url: `/briefings/${briefingId}` });
  });

  it('a second test within a minute answers too_soon with the seconds to wait and queues nothing; another device of theirs is its own', async () => {
    const [a] = world.staff;
    const phone = await subscribe(a!.client);
    const tablet = await subscribe(a!.client);
    expect((await sendTest(a!.client, phone)).ok).toBe(true);

    const again = await sendTest(a!.client, phone);
    expect(again.ok && again.data.status).toBe('too_soon');
    const wait = again.ok && again.data.status === 'too_soon' ? again.data.retry_after_seconds : 0;
    expect(wait).toBeGreaterThanOrEqual(55);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await tests([phone.id])).toHaveLength(1);

    // The limit is per device.
    const onTablet = await sendTest(a!.client, tablet);
    expect(onTablet.ok && onTablet.data).toEqual({ status: 'queued' });

    // A minute on (the last test moved into the past rather than waited for), it goes again.
    await sql(`update private.push_tests set last_at = last_at - interval '61 seconds' where subscription_id = $1`, [phone.id]);
    const later = await sendTest(a!.client, phone);
    expect(later.ok && later.data).toEqual({ status: 'queued' });
    expect(await tests([phone.id])).toHaveLength(2);
  });
});

describe('nobody else’s device', () => {
  it('refuses another member’s endpoint, as for one that does not exist: the same store, another store, another organisation', async () => {
    const [victim, sameStore] = world.staff;
    const phone = await subscribe(victim!.client);
    const [otherStore] = await sql<{ id: string }>(`insert into public.stores (org_id, name, time_zone) values ($1, 'Quay', 'Europe/London') returning id`, [
      world.orgId,
    ]);
    const elsewhere = await createOrg();
    const attackers = [
      sameStore!,
      world.manager,
      await createMember({ orgId: world.orgId, storeId: otherStore!.id, departmentId: world.departmentId }),
      await createMember({ orgId: elsewhere.orgId, storeId: elsewhere.storeId, departmentId: elsewhere.departmentId, role: 'hr' }),
    ];
    for (const attacker of attackers) {
      // An attacker with a device of their own gains nothing either.
      await subscribe(attacker.client);
      expect(failure(await sendTest(attacker.client, phone)), attacker.email).toMatchObject({ status: 400, code: '22023', details: 'unknown_subscription' });
    }
    expect(failure(await sendTest(world.staff[1]!.client, device()))).toMatchObject({ code: '22023', details: 'unknown_subscription' });
    expect(await tests([phone.id])).toEqual([]);
    // Nor did they use up the victim's minute.
    const own = await sendTest(victim!.client, phone);
    expect(own.ok && own.data).toEqual({ status: 'queued' });
  });

  it('anon is refused', async () => {
    const phone = await subscribe(world.staff[0]!.client);
    const r = await sendTest(anonClient(), phone);
    expect(!r.ok && r.error.kind === 'http' && r.error.status).toBe(401);
    expect(await tests([phone.id])).toEqual([]);
  });
});
