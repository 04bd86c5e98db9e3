/**
 * admin_person (#12): the person screen opened from its address loads one person
 * by id, with admin_people's scope. HR: anyone of the organisation; a manager: people
 * of the stores they run; staff and another organisation's HR: nothing. An id out of
 * scope gets the same answer as an id that does not exist, so ids cannot be probed.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc, type RpcOutcome } from '../../src/data/supabase/rpc';
import { createMember, createOrg, sql, type TestMember } from './support/fixtures';

let org: { orgId: string; storeId: string; departmentId: string };
let otherStore: string;
let hr: TestMember;
let manager: TestMember;
let staff: TestMember;
let otherStaff: TestMember;
let elsewhereHr: TestMember;

beforeAll(async () => {
  org = await createOrg();
  [{ id: otherStore }] = (await sql<{ id: string }>(
    `insert into public.stores (org_id, name, code, time_zone) values ($1, 'Quay', 'QY', 'Europe/London') returning id`,
    [org.orgId],
  )) as [{ id: string }];
  const elsewhere = await createOrg();
  [hr, manager, staff, otherStaff, elsewhereHr] = await Promise.all([
    createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null, role: 'manager', manages: [org.storeId] }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId }),
    createMember({ orgId: org.orgId, storeId: otherStore, departmentId: org.departmentId }),
    createMember({ orgId: elsewhere.orgId, storeId: null, departmentId: null, role: 'hr' }),
  ]);
});

function refusal(outcome: RpcOutcome<unknown>): [number, string, string | null] | 'accepted' {
  if (outcome.ok) return 'accepted';
  if (outcome.error.kind !== 'http') throw new Error(`not an HTTP refusal: ${JSON.stringify(outcome.error)}`);
  return [outcome.error.status, outcome.error.code, outcome.error.details];
}

const NOT_MANAGED = [403, '42501', 'person_not_managed'];

describe('admin_person', () => {
  it('gives HR anyone of the organisation, with the fields admin_people lists', async () => {
    const page = await callRpc(hr.client, 'admin_people', { p_limit: 200 });
    if (!page.ok) throw new Error(JSON.stringify(page.error));
    for (const target of [staff, otherStaff, manager, hr]) {
      const one = await callRpc(hr.client, 'admin_person', { p_id: target.memberId });
      if (!one.ok) throw new Error(JSON.stringify(one.error));
      expect(one.data).toEqual(page.data.people.find((p) => p.id === target.memberId));
    }
  });

  it("gives a manager their store's people and refuses another store's as it refuses an unknown id", async () => {
    const mine = await callRpc(manager.client, 'admin_person', { p_id: staff.memberId });
    expect(mine.ok && mine.data.id).toBe(staff.memberId);
    expect(mine.ok && mine.data.store_id).toBe(org.storeId);
    const self = await callRpc(manager.client, 'admin_person', { p_id: manager.memberId });
    expect(self.ok && self.data.role).toBe('manager');

    const other = refusal(await callRpc(manager.client, 'admin_person', { p_id: otherStaff.memberId }));
    const unknown = refusal(await callRpc(manager.client, 'admin_person', { p_id: randomUUID() }));
    const hrOfOrg = refusal(await callRpc(manager.client, 'admin_person', { p_id: hr.memberId }));
    expect(other).toEqual(NOT_MANAGED);
    expect(unknown).toEqual(other);
    expect(hrOfOrg).toEqual(other);
  });

  it('refuses staff, even for themselves', async () => {
    for (const id of [staff.memberId, otherStaff.memberId, randomUUID()]) {
      expect(refusal(await callRpc(staff.client, 'admin_person', { p_id: id }))).toEqual([403, '42501', 'forbidden']);
    }
  });

  it("refuses another organisation's HR as it refuses an unknown id", async () => {
    const ours = refusal(await callRpc(elsewhereHr.client, 'admin_person', { p_id: staff.memberId }));
    expect(ours).toEqual(NOT_MANAGED);
    expect(refusal(await callRpc(elsewhereHr.client, 'admin_person', { p_id: randomUUID() }))).toEqual(ours);
    expect(refusal(await callRpc(hr.client, 'admin_person', { p_id: elsewhereHr.memberId }))).toEqual(NOT_MANAGED);
  });
});
