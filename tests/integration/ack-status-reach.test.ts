/**
 * The manager sees reach (issue 11, item 7): briefing_ack_status says on how many devices
 * the briefing was notified, how many devices still wait, and how many of those who have
 * not acknowledged have notifications off, and marks each of them; all limited to the
 * stores the caller reports on (HR: the organisation). Staff and another organisation's
 * manager are still refused. Messages are marked sent or given up in SQL, as push_done
 * would, so no sender runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import type { BriefingAckStatus } from '../../src/data/supabase/types';
import { ackOf, briefingVersion, createMember, publishBriefing, push, sql, type TestMember } from './support/fixtures';
import { failure, type PushWorld, pushWorld, subscribe } from './support/push';

let world: PushWorld;
let storeB: string;
let managerB: TestMember;
let hr: TestMember;
/** Store A: a1 (two devices), a2 (none), a3 (one device, acknowledges), a4 (none, acknowledges). Store B: b1 (one device), b2 (none). */
let a1: TestMember, a2: TestMember, a3: TestMember, a4: TestMember, b1: TestMember, b2: TestMember;
let devices: Record<'a1first' | 'a1second' | 'a3' | 'b1', string>;
let briefingId: string;

async function status(member: TestMember): Promise<BriefingAckStatus> {
  const outcome = await callRpc(member.client, 'briefing_ack_status', { p_briefing_id: briefingId });
  if (!outcome.ok) throw new Error(`briefing_ack_status failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}

/** Marks this briefing's message to a device as push_done would: sent, or given up after its attempts. */
async function finish(subscriptionId: string, how: 'sent' | 'gave_up', refId = briefingId): Promise<void> {
  const column = how === 'sent' ? 'sent_at' : 'gave_up_at';
  const rows = await sql(`update private.push_queue set ${column} = now() where ref_id = $1 and subscription_id = $2 and sent_at is null returning id`, [
    refId,
    subscriptionId,
  ]);
  expect(rows.length).toBeGreaterThan(0);
}

const notifiedOf = (s: BriefingAckStatus) => Object.fromEntries(s.pending.map((p) => [p.member_id, p.notifications]));

beforeAll(async () => {
  world = await pushWorld(4);
  [a1, a2, a3, a4] = world.staff as [TestMember, TestMember, TestMember, TestMember];
  const [store] = await sql<{ id: string }>(
    `insert into public.stores (org_id, name, quiet_start, quiet_end) values ($1, 'Bayside', '00:00', '00:00') returning id`,
    [world.orgId],
  );
  storeB = store!.id;
  managerB = await createMember({ orgId: world.orgId, storeId: storeB, departmentId: world.departmentId, role: 'manager', manages: [storeB] });
  [b1, b2] = (await Promise.all([0, 1].map(() => createMember({ orgId: world.orgId, storeId: storeB, departmentId: world.departmentId })))) as [
    TestMember,
    TestMember,
  ];
  hr = await createMember({ orgId: world.orgId, storeId: null, departmentId: null, role: 'hr' });
  devices = {
    a1first: (await subscribe(a1.client)).id,
    a1second: (await subscribe(a1.client)).id,
    a3: (await subscribe(a3.client)).id,
    b1: (await subscribe(b1.client)).id,
  };
  // Staff of both stores; the publish queues one message per device of theirs.
  briefingId = await publishBriefing(hr.client, { store_ids: [world.storeId, storeB], roles: ['staff'], title: 'Fire doors' });
  const v = await briefingVersion(briefingId);
  for (const member of [a3, a4]) expect((await push(member.client, [ackOf(briefingId, v)]))[0]?.status).toBe('applied');
  // Another briefing to the same devices: its messages are not this one's.
  await publishBriefing(hr.client, { store_ids: [world.storeId, storeB], roles: ['staff'], title: 'Other news' });
});

describe('briefing_ack_status: push reach', () => {
  it('counts devices waiting, then notified, within the caller’s stores; HR sees every store', async () => {
    // Everything queued, nothing sent yet (quiet hours, the fold window).
    expect((await status(hr)).push).toEqual({ devices_notified: 0, devices_waiting: 4, pending_without_notifications: 2 });
    expect((await status(world.manager)).push).toEqual({ devices_notified: 0, devices_waiting: 3, pending_without_notifications: 1 });
    expect((await status(managerB)).push).toEqual({ devices_notified: 0, devices_waiting: 1, pending_without_notifications: 1 });

    // a1's first phone and b1's are sent; a3's is given up (never arrived: neither notified nor waiting).
    await finish(devices.a1first, 'sent');
    await finish(devices.b1, 'sent');
    await finish(devices.a3, 'gave_up');
    expect((await status(hr)).push).toEqual({ devices_notified: 2, devices_waiting: 1, pending_without_notifications: 2 });
    expect((await status(world.manager)).push).toEqual({ devices_notified: 1, devices_waiting: 1, pending_without_notifications: 1 });
    expect((await status(managerB)).push).toEqual({ devices_notified: 1, devices_waiting: 0, pending_without_notifications: 1 });
  });

  it('marks each person who has not acknowledged with whether any device of theirs has notifications on', async () => {
    const org = await status(hr);
    expect(org).toMatchObject({ total: 6, acked: 2 });
    expect(notifiedOf(org)).toEqual({ [a1.memberId]: true, [a2.memberId]: false, [b1.memberId]: true, [b2.memberId]: false });
    expect(notifiedOf(await status(world.manager))).toEqual({ [a1.memberId]: true, [a2.memberId]: false });
    expect(notifiedOf(await status(managerB))).toEqual({ [b1.memberId]: true, [b2.memberId]: false });
    // a4 (no device) acknowledged: not among those to tell in person; a3 neither, though its message was given up.
    expect(org.pending.map((p) => p.member_id)).not.toContain(a4.memberId);
    expect(org.push.pending_without_notifications).toBe(2);
  });

  it('counts a device once when a reminder about the briefing reaches it too, and counts the reminder still waiting', async () => {
    const reminded = await callRpc(world.manager.client, 'remind_unacknowledged', { p_briefing_id: briefingId });
    // Store A's pending with devices: a1's two phones.
    expect(reminded.ok && reminded.data).toMatchObject({ status: 'queued', devices: 2, without_notifications: 1 });
    const before = (await status(world.manager)).push;
    // a1's second phone already waited (the briefing itself); the first now waits for the reminder.
    expect(before).toEqual({ devices_notified: 1, devices_waiting: 2, pending_without_notifications: 1 });
    await sql(`update private.push_queue set sent_at = now() where ref_id = $1 and kind = 'reminder' and sent_at is null`, [briefingId]);
    expect((await status(world.manager)).push).toEqual({ devices_notified: 2, devices_waiting: 1, pending_without_notifications: 1 });
    expect((await status(hr)).push).toEqual({ devices_notified: 3, devices_waiting: 1, pending_without_notifications: 2 });
  });

  it('no longer counts someone who turned notifications off, and marks them so', async () => {
    await sql('delete from public.push_subscriptions where member_id = $1', [b1.memberId]);
    const bayside = await status(managerB);
    expect(bayside.push).toEqual({ devices_notified: 0, devices_waiting: 0, pending_without_notifications: 2 });
    expect(notifiedOf(bayside)).toEqual({ [b1.memberId]: false, [b2.memberId]: false });
  });

  it('still refuses staff and another organisation’s manager', async () => {
    const otherOrg = await pushWorld(0);
    for (const client of [a1.client, otherOrg.manager.client]) {
      expect(failure(await callRpc(client, 'briefing_ack_status', { p_briefing_id: briefingId }))).toMatchObject({
        status: 403,
        code: '42501',
        details: 'unknown_briefing',
      });
    }
  });
});
