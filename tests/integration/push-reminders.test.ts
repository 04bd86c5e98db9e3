/**
 * Reminders (issue 11): a manager's "remind those who haven't read it" reaches only
 * those in reach who have not acknowledged, at most once an hour per briefing, says
 * how many people and devices it reached and how many have notifications off; staff
 * and a manager of another store are refused. The scheduler's reminders before the due
 * time go once per member per version, and only through service_role.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import { ackOf, briefingVersion, createMember, mutation, publishBriefing, push, sql } from './support/fixtures';
import { failure, type PushWorld, pushWorld, queued, serviceClient, subscribe } from './support/push';

let world: PushWorld;
beforeAll(async () => {
  world = await pushWorld(3);
  const [a, b] = world.staff;
  await subscribe(a!.client);
  await subscribe(a!.client);
  await subscribe(b!.client);
  // staff[2] has notifications off.
});

describe('remind_unacknowledged', () => {
  it('reminds the devices of those who have not acknowledged, and counts who has notifications off', async () => {
    const [a, b, c] = world.staff;
    const id = await publishBriefing(world.manager.client, { store_ids: [world.storeId], title: 'Fire doors' });
    expect((await push(b!.client, [ackOf(id, await briefingVersion(id))]))[0]?.status).toBe('applied');

    const r = await callRpc(world.manager.client, 'remind_unacknowledged', { p_briefing_id: id });
    // a (2 devices) and c (none) have not acknowledged; b has.
    expect(r.ok && r.data).toMatchObject({ status: 'queued', pending: 2, people: 1, devices: 2, without_notifications: 1 });
    const reminders = (await queued(id)).filter((m) => m.kind === 'reminder');
    expect(reminders.map((m) => m.member_id)).toEqual([a!.memberId, a!.memberId]);
    expect(reminders.some((m) => m.member_id === b!.memberId || m.member_id === c!.memberId)).toBe(false);

    // At most once an hour per briefing, whoever asks.
    const again = await callRpc(world.manager.client, 'remind_unacknowledged', { p_briefing_id: id });
    expect(again.ok && again.data.status).toBe('too_soon');
    const hr = await createMember({ orgId: world.orgId, storeId: null, departmentId: null, role: 'hr' });
    const byHr = await callRpc(hr.client, 'remind_unacknowledged', { p_briefing_id: id });
    expect(byHr.ok && byHr.data.status).toBe('too_soon');
    expect((await queued(id)).filter((m) => m.kind === 'reminder')).toHaveLength(2);

    // An hour later (the last reminder moved back), it may go again.
    await sql(`update private.push_manual_reminders set last_at = last_at - interval '61 minutes' where briefing_id = $1`, [id]);
    const later = await callRpc(hr.client, 'remind_unacknowledged', { p_briefing_id: id });
    expect(later.ok && later.data).toMatchObject({ status: 'queued', devices: 2 });
  });

  it('refuses staff, a manager of another store, another organisation, and briefings that need no acknowledgement', async () => {
    const id = await publishBriefing(world.manager.client, { store_ids: [world.storeId] });
    const [store] = await sql<{ id: string }>(`insert into public.stores (org_id, name) values ($1, 'Elsewhere') returning id`, [world.orgId]);
    const otherManager = await createMember({ orgId: world.orgId, storeId: store!.id, role: 'manager', manages: [store!.id] });
    const otherOrg = await pushWorld(0);
    for (const client of [world.staff[0]!.client, otherManager.client, otherOrg.manager.client]) {
      expect(failure(await callRpc(client, 'remind_unacknowledged', { p_briefing_id: id }))).toMatchObject({ code: '42501', details: 'unknown_briefing' });
    }
    const fyi = await publishBriefing(world.manager.client, { store_ids: [world.storeId], requires_ack: false, priority: 'important' });
    expect(failure(await callRpc(world.manager.client, 'remind_unacknowledged', { p_briefing_id: fyi }))).toMatchObject({
      code: '22023',
      details: 'not_acknowledgeable',
    });
    expect((await queued(id)).filter((m) => m.kind === 'reminder')).toEqual([]);
  });
});

describe('enqueue_due_reminders', () => {
  it('reminds once per member per version within the hour before the due time, and again for a new version', async () => {
    const [a, b] = world.staff;
    const [{ due } = { due: '' }] = await sql<{ due: string }>(`select (now() + interval '3 hours')::text as due`);
    const id = await publishBriefing(world.manager.client, { store_ids: [world.storeId], title: 'Due soon', ack_due_at: new Date(due).toISOString() });
    expect((await push(b!.client, [ackOf(id, await briefingVersion(id))]))[0]?.status).toBe('applied');
    const sender = serviceClient();
    const at = async (minutesBeforeDue: number) => {
      const { data, error } = await sender.rpc('enqueue_due_reminders', { p_now: new Date(new Date(due).getTime() - minutesBeforeDue * 60_000).toISOString() });
      expect(error).toBeNull();
      return data as { briefings: number; people: number; devices: number };
    };
    const reminders = async () => (await queued(id)).filter((m) => m.kind === 'reminder');

    await at(90); // too early
    expect(await reminders()).toEqual([]);
    await at(60);
    const first = await reminders();
    expect(new Set(first.map((m) => m.member_id))).toEqual(new Set([a!.memberId]));
    expect(first).toHaveLength(2);
    await at(30); // the scheduler runs again: nobody twice
    await at(1);
    expect(await reminders()).toHaveLength(2);
    await at(-1); // past due: nothing
    expect(await reminders()).toHaveLength(2);

    // New text is a new version: b's acknowledgement no longer counts, and each is reminded once more.
    const [edited] = await push(world.manager.client, [
      mutation('briefing', {
        action: 'edit',
        briefing_id: id,
        title: 'Due soon (corrected)',
        body: 'Please read this.',
        requires_ack: true,
        store_ids: [world.storeId],
        ack_due_at: new Date(due).toISOString(),
      } as never),
    ]);
    expect(edited?.status).toBe('applied');
    await at(30);
    await at(10);
    const second = (await reminders()).filter((m) => m.version === 2);
    expect(second.map((m) => m.member_id).sort()).toEqual([a!.memberId, a!.memberId, b!.memberId].sort());
  });

  it('is the scheduler’s alone: staff and managers cannot call it', async () => {
    for (const client of [world.staff[0]!.client, world.manager.client]) {
      const { error } = await client.rpc('enqueue_due_reminders', {});
      expect(error?.code).toBe('42501');
    }
  });
});
