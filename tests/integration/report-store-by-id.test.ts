/**
 * report_stores(p_id) names the store a reloaded or pasted Reports address holds, only
 * when the caller reports on it: a manager's other store, another organisation's and an
 * unknown id all answer nothing (the screen then shows every store); staff are refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import { createMember, createOrg, sql, type TestMember } from './support/fixtures';

let hr: TestMember;
let manager: TestMember;
let staff: TestMember;
let storeA: string;
let storeB: string;
let elsewhere: string;

beforeAll(async () => {
  const org = await createOrg();
  storeA = org.storeId;
  [{ id: storeB } = { id: '' }] = await sql<{ id: string }>(`insert into public.stores (org_id, name) values ($1, 'Quayside') returning id`, [org.orgId]);
  elsewhere = (await createOrg()).storeId;
  hr = await createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' });
  manager = await createMember({ orgId: org.orgId, storeId: storeA, role: 'manager', manages: [storeA] });
  staff = await createMember({ orgId: org.orgId, storeId: storeA });
});

const byId = async (member: TestMember, id: string) => {
  const outcome = await callRpc(member.client, 'report_stores', { p_id: id });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.data;
};

describe('report_stores by id', () => {
  it('names a store the caller reports on, and nothing else', async () => {
    expect(await byId(hr, storeB)).toEqual([{ id: storeB, name: 'Quayside' }]);
    expect(await byId(manager, storeA)).toEqual([{ id: storeA, name: 'Harbour' }]);
    expect(await byId(manager, storeB)).toEqual([]);
    expect(await byId(hr, elsewhere)).toEqual([]);
    expect(await byId(hr, crypto.randomUUID())).toEqual([]);
    // The search still narrows as before when both are given.
    expect(await callRpc(hr.client, 'report_stores', { p_search: 'harb', p_id: storeB }).then((r) => r.ok && r.data)).toEqual([]);
  });

  it('refuses staff', async () => {
    const outcome = await callRpc(staff.client, 'report_stores', { p_id: storeA });
    expect(!outcome.ok && outcome.error).toMatchObject({ code: '42501', details: 'forbidden' });
  });
});
