/**
 * Reminding only the filtered store (issue 13, point 4): remind_unacknowledged with a
 * store and/or department reminds exactly those people; each person is reminded by hand
 * at most once an hour per briefing, so one store's reminder never blocks another's and
 * "everyone" after a store skips that store's people. A manager naming a store they do
 * not run, staff, and another organisation are refused and queue nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import { createMember, createOrg, publishBriefing, sql, type TestMember } from './support/fixtures';
import { failure, type PushWorld, pushWorld, queued, subscribe } from './support/push';

let world: PushWorld;
let hr: TestMember;
let storeB: string;
let till: string;
let managerB: TestMember;
/** a1: store A, Floor, a device; a2: store A, Till, none; b1: store B, Floor, a device; b2: store B, Floor, none. */
let a1: TestMember;
let a2: TestMember;
let b1: TestMember;
let b2: TestMember;
/** Joins store A (Floor, a device) after the first reminders. */
let a3: TestMember;

beforeAll(async () => {
  world = await pushWorld(0);
  [{ id: storeB } = { id: '' }] = await sql<{ id: string }>(
    `insert into public.stores (org_id, name, quiet_start, quiet_end) values ($1, 'Quayside', '00:00', '00:00') returning id`,
    [world.orgId],
  );
  [{ id: till } = { id: '' }] = await sql<{ id: string }>(`insert into public.departments (org_id, name) values ($1, 'Till') returning id`, [world.orgId]);
  hr = await createMember({ orgId: world.orgId, storeId: null, departmentId: null, role: 'hr' });
  managerB = await createMember({ orgId: world.orgId, storeId: storeB, role: 'manager', manages: [storeB] });
  [a1, a2, b1, b2] = await Promise.all([
    createMember({ orgId: world.orgId, storeId: world.storeId, departmentId: world.departmentId }),
    createMember({ orgId: world.orgId, storeId: world.storeId, departmentId: till }),
    createMember({ orgId: world.orgId, storeId: storeB, departmentId: world.departmentId }),
    createMember({ orgId: world.orgId, storeId: storeB, departmentId: world.departmentId }),
  ]);
  await subscribe(a1.client);
  await subscribe(b1.client);
});

const remind = (member: TestMember, args: { p_briefing_id: string; p_store_id?: string | null; p_department_id?: string | null }) =>
  callRpc(member.client, 'remind_unacknowledged', args);
const remindedMembers = async (briefingId: string) =>
  (await queued(briefingId))
    .filter((m) => m.kind === 'reminder')
    .map((m) => m.member_id)
    .sort();
const limitRows = async (briefingId: string) =>
  (await sql<{ n: string }>('select count(*) as n from private.push_manual_reminders where briefing_id = $1', [briefingId]))[0]?.n;

describe('remind_unacknowledged for one store or department', () => {
  it('HR reminds one store, then another at once; the same store again is too soon; everyone afterwards reaches only who is left', async () => {
    const id = await publishBriefing(hr.client, { store_ids: [], roles: ['staff'], title: 'Fire exits' });

    const downtown = await remind(hr, { p_briefing_id: id, p_store_id: world.storeId });
    expect(downtown.ok && downtown.data).toMatchObject({ status: 'queued', pending: 2, recently_reminded: 0, people: 1, devices: 1, without_notifications: 1 });
    expect(await remindedMembers(id)).toEqual([a1.memberId]);

    // Another store is not blocked by the first.
    const quayside = await remind(hr, { p_briefing_id: id, p_store_id: storeB });
    expect(quayside.ok && quayside.data).toMatchObject({ status: 'queued', pending: 2, people: 1, devices: 1, without_notifications: 1 });
    expect(await remindedMembers(id)).toEqual([a1.memberId, b1.memberId].sort());

    // The same people again within the hour: nothing is queued, and the answer says when.
    const again = await remind(world.manager, { p_briefing_id: id, p_store_id: world.storeId });
    expect(again.ok && again.data.status).toBe('too_soon');
    const next = again.ok && again.data.status === 'too_soon' ? new Date(again.data.next_allowed_at).getTime() : 0;
    expect(next - Date.now()).toBeGreaterThan(55 * 60_000);
    expect(await remind(hr, { p_briefing_id: id }).then((r) => r.ok && r.data.status)).toBe('too_soon');

    // Someone new in store A with a device: "everyone" reaches only them.
    a3 = await createMember({ orgId: world.orgId, storeId: world.storeId, departmentId: world.departmentId });
    await subscribe(a3.client);
    const everyone = await remind(hr, { p_briefing_id: id });
    expect(everyone.ok && everyone.data).toMatchObject({ status: 'queued', pending: 5, recently_reminded: 4, people: 1, devices: 1, without_notifications: 0 });
    expect(await remindedMembers(id)).toEqual([a1.memberId, b1.memberId, a3.memberId].sort());

    // An hour on for store A's people only: store A may be reminded again, store B still not.
    await sql(
      `update private.push_manual_reminders r set last_at = last_at - interval '61 minutes'
       from public.members m where r.briefing_id = $1 and m.id = r.member_id and m.store_id = $2`,
      [id, world.storeId],
    );
    expect(await remind(hr, { p_briefing_id: id, p_store_id: storeB }).then((r) => r.ok && r.data.status)).toBe('too_soon');
    const later = await remind(hr, { p_briefing_id: id, p_store_id: world.storeId });
    expect(later.ok && later.data).toMatchObject({ status: 'queued', pending: 3, recently_reminded: 0, devices: 2 });
  });

  it('a manager reminds one department of their store, then the rest of it', async () => {
    // Store A's staff now: a1 and a3 (Floor, a device each), a2 (Till, none).
    const id = await publishBriefing(world.manager.client, { store_ids: [world.storeId], title: 'New till rota' });
    const tillOnly = await remind(world.manager, { p_briefing_id: id, p_store_id: world.storeId, p_department_id: till });
    expect(tillOnly.ok && tillOnly.data).toMatchObject({ status: 'queued', pending: 1, people: 0, devices: 0, without_notifications: 1 });
    expect(await remindedMembers(id)).toEqual([]);
    // a2 has no device, yet counts as reminded: the limit is per person.
    const limited = await sql<{ member_id: string }>('select member_id from private.push_manual_reminders where briefing_id = $1', [id]);
    expect(limited.map((r) => r.member_id)).toEqual([a2.memberId]);
    const store = await remind(world.manager, { p_briefing_id: id, p_store_id: world.storeId });
    expect(store.ok && store.data).toMatchObject({ status: 'queued', pending: 3, recently_reminded: 1, people: 2, devices: 2 });
    expect(await remindedMembers(id)).toEqual([a1.memberId, a3.memberId].sort());
    // A department alone narrows the manager's own reach.
    const floor = await remind(managerB, {
      p_briefing_id: await publishBriefing(hr.client, { store_ids: [], roles: ['staff'] }),
      p_department_id: world.departmentId,
    });
    expect(floor.ok && floor.data).toMatchObject({ status: 'queued', pending: 2, people: 1, devices: 1 });
  });

  it('refuses a store the caller does not run, staff, another organisation, and unknown ids; nothing is queued or counted', async () => {
    const org = await publishBriefing(hr.client, { store_ids: [], roles: ['staff'], title: 'Uniform policy' });
    const own = await publishBriefing(world.manager.client, { store_ids: [world.storeId], title: 'Own store only' });
    const other = await createOrg();
    const otherHr = await createMember({ orgId: other.orgId, storeId: null, departmentId: null, role: 'hr' });
    const staff = a1;

    // A manager naming another store: refused, for an organisation-wide briefing and for one they wrote.
    for (const briefing of [org, own]) {
      expect(failure(await remind(world.manager, { p_briefing_id: briefing, p_store_id: storeB }))).toMatchObject({ code: '42501', details: 'unknown_store' });
    }
    expect(failure(await remind(managerB, { p_briefing_id: org, p_store_id: world.storeId }))).toMatchObject({ code: '42501', details: 'unknown_store' });
    // HR naming another organisation's store or department.
    expect(failure(await remind(hr, { p_briefing_id: org, p_store_id: other.storeId }))).toMatchObject({ code: '42501', details: 'unknown_store' });
    expect(failure(await remind(hr, { p_briefing_id: org, p_department_id: other.departmentId }))).toMatchObject({
      code: '42501',
      details: 'unknown_department',
    });
    // Staff, and another organisation's HR naming this organisation's store.
    expect(failure(await remind(staff, { p_briefing_id: org, p_store_id: world.storeId }))).toMatchObject({ code: '42501', details: 'unknown_briefing' });
    expect(failure(await remind(otherHr, { p_briefing_id: org, p_store_id: world.storeId }))).toMatchObject({ code: '42501', details: 'unknown_briefing' });
    // A store id that is no store at all.
    expect(failure(await remind(hr, { p_briefing_id: org, p_store_id: crypto.randomUUID() }))).toMatchObject({ code: '42501', details: 'unknown_store' });

    for (const briefing of [org, own]) {
      expect(await remindedMembers(briefing)).toEqual([]);
      expect(await limitRows(briefing)).toBe('0');
    }
    // The refusals left the limit alone: HR may still remind store B.
    expect(await remind(hr, { p_briefing_id: org, p_store_id: storeB }).then((r) => r.ok && r.data.status)).toBe('queued');
    expect(await remindedMembers(org)).toEqual([b1.memberId]);
    // b2 has no device, yet counts as reminded: the limit is per person, not per device.
    const limited = await sql<{ member_id: string }>('select member_id from private.push_manual_reminders where briefing_id = $1', [org]);
    expect(limited.map((r) => r.member_id).sort()).toEqual([b1.memberId, b2.memberId].sort());
  });
});
