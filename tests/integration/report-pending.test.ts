/**
 * "Who has not acknowledged X in store Y?" (issue 13, point 4): report_pending_people,
 * report_pending_csv_page and report_stores on an organisation of their own. Each
 * scope rule is tried as the user who should be refused: a manager asking for a store
 * they do not run (by its id, as a pasted address would), staff, another
 * organisation's HR; paging is walked to the end in pages of 1 and 2.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc, type RpcOutcome } from '../../src/data/supabase/rpc';
import type { PendingCsvRow, PendingPeoplePage, PendingPerson } from '../../src/data/supabase/types';
import { ackOf, briefingVersion, createMember, createOrg, publishBriefing, push, sql, type TestMember } from './support/fixtures';
import { failure, subscribe } from './support/push';

let org: { orgId: string; harbour: string; pier: string; floor: string; till: string };
let hr: TestMember;
let managerA: TestMember;
let managerB: TestMember;
let staff: TestMember;
let outsider: TestMember;
/** Harbour: Ana (Floor, acknowledges), Bea (Floor, two devices), Cy (Floor), Dee (Till). Pier: Eve (Floor), a formula name (Till). */
const people: Record<'ana' | 'bea' | 'cy' | 'dee' | 'eve' | 'formula', TestMember> = {} as never;
let policy = '';
let own = '';
const FORMULA = '=HYPERLINK("http://evil.example")';

async function page(client: SupabaseClient, args: Partial<Parameters<typeof pendingArgs>[0]> = {}): Promise<PendingPeoplePage> {
  const outcome = await callRpc(client, 'report_pending_people', pendingArgs(args));
  if (!outcome.ok) throw new Error(`report_pending_people failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}
function pendingArgs(args: {
  p_briefing_id?: string;
  p_store_id?: string | null;
  p_department_id?: string | null;
  p_search?: string | null;
  p_limit?: number;
}) {
  return { p_briefing_id: policy, ...args };
}
/** Every page after the first, by the key each answer gives. */
async function walk(client: SupabaseClient, args: Parameters<typeof pendingArgs>[0], limit: number): Promise<PendingPerson[]> {
  const rows: PendingPerson[] = [];
  let after = null as { name: string; id: string } | null;
  for (let n = 0; n < 50; n++) {
    const outcome: RpcOutcome<PendingPeoplePage> = await callRpc(client, 'report_pending_people', {
      ...pendingArgs(args),
      p_limit: limit,
      p_after_name: after?.name ?? null,
      p_after_id: after?.id ?? null,
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    expect(outcome.data.people.length).toBeLessThanOrEqual(limit);
    rows.push(...outcome.data.people);
    after = outcome.data.next;
    if (!after) return rows;
  }
  throw new Error('paging never ended');
}
async function csvWalk(client: SupabaseClient, args: Parameters<typeof pendingArgs>[0], limit: number): Promise<PendingCsvRow[]> {
  const rows: PendingCsvRow[] = [];
  let last: PendingCsvRow | undefined;
  for (let n = 0; n < 50; n++) {
    const outcome = await callRpc(client, 'report_pending_csv_page', {
      ...pendingArgs(args),
      p_limit: limit,
      p_after_name: last?.display_name ?? null,
      p_after_id: last?.member_id ?? null,
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    if (outcome.data.length === 0) return rows;
    rows.push(...outcome.data);
    last = outcome.data.at(-1);
  }
  throw new Error('paging never ended');
}
const names = (rows: { display_name: string }[]) => rows.map((r) => r.display_name);
const ids = (rows: { member_id: string }[]) => rows.map((r) => r.member_id).sort();

beforeAll(async () => {
  const base = await createOrg();
  const [pier] = await sql<{ id: string }>(`insert into public.stores (org_id, name, time_zone, code) values ($1, 'Pier', 'UTC', 'P-07') returning id`, [
    base.orgId,
  ]);
  const [till] = await sql<{ id: string }>(`insert into public.departments (org_id, name) values ($1, 'Till') returning id`, [base.orgId]);
  org = { orgId: base.orgId, harbour: base.storeId, pier: pier!.id, floor: base.departmentId, till: till!.id };
  [hr, managerA, managerB, staff] = await Promise.all([
    createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: org.orgId, storeId: org.harbour, departmentId: null, role: 'manager', manages: [org.harbour] }),
    createMember({ orgId: org.orgId, storeId: org.pier, departmentId: null, role: 'manager', manages: [org.pier] }),
    createMember({ orgId: org.orgId, storeId: org.harbour, departmentId: org.till }),
  ]);
  const placed: [keyof typeof people, string, string, string][] = [
    ['ana', 'Ana Alves', org.harbour, org.floor],
    ['bea', 'Bea Brown', org.harbour, org.floor],
    ['cy', 'Cy Chen', org.harbour, org.floor],
    ['dee', 'Dee Diaz', org.harbour, org.till],
    ['eve', 'Eve Evans', org.pier, org.floor],
    ['formula', FORMULA, org.pier, org.till],
  ];
  for (const [key, name, storeId, departmentId] of placed) {
    people[key] = await createMember({ orgId: org.orgId, storeId, departmentId });
    await sql('update public.members set display_name = $2, employee_id = $3 where id = $1', [people[key].memberId, name, `E-${key}`]);
  }
  // `staff` acknowledges everything, so only the people above and the managers are pending.
  await sql('update public.members set display_name = $2 where id = $1', [staff.memberId, 'Zed Staff']);
  outsider = await createMember({ orgId: (await createOrg()).orgId, storeId: null, departmentId: null, role: 'hr' });
  policy = await publishBriefing(hr.client, { kind: 'policy', title: 'Cash policy' });
  own = await publishBriefing(managerA.client, { title: 'Harbour rota', store_ids: [org.harbour] });
  for (const [member, id] of [
    [people.ana, policy],
    [staff, policy],
    [staff, own],
  ] as const) {
    expect((await push(member.client, [ackOf(id, await briefingVersion(id))]))[0]?.status).toBe('applied');
  }
  await subscribe(people.bea.client);
  await subscribe(people.bea.client);
});

describe('report_pending_people', () => {
  it('HR: everyone still to acknowledge, by name, with the stores that have most, and devices honestly counted', async () => {
    const first = await page(hr.client);
    const everyone = [people.bea, people.cy, people.dee, people.eve, people.formula, managerA, managerB];
    expect(ids(first.people)).toEqual(ids(everyone.map((m) => ({ member_id: m.memberId }))));
    // By name in the database's collation (which may skip punctuation, so not JavaScript's order).
    expect(names(first.people).filter((n) => /^[A-E]/.test(n))).toEqual(['Bea Brown', 'Cy Chen', 'Dee Diaz', 'Eve Evans']);
    expect(first.summary).toEqual({
      pending: 7,
      people_with_devices: 1,
      devices: 2,
      stores: [
        { store_id: org.harbour, name: 'Harbour', pending: 4 },
        { store_id: org.pier, name: 'Pier', pending: 3 },
      ],
    });
    expect(first.people.find((p) => p.member_id === people.bea.memberId)).toMatchObject({
      store_name: 'Harbour',
      department_name: 'Floor',
      employee_id: 'E-bea',
      devices: 2,
    });
    expect(first.briefing).toMatchObject({ id: policy, title: 'Cash policy', kind: 'policy' });
    expect(first.next).toBeNull();
  });

  it('pages of 1 and 2 walk to exactly the whole list; later pages carry no summary', async () => {
    const all = (await page(hr.client)).people;
    expect(await walk(hr.client, {}, 1)).toEqual(all);
    expect(await walk(hr.client, {}, 2)).toEqual(all);
    const second = await callRpc(hr.client, 'report_pending_people', {
      p_briefing_id: policy,
      p_limit: 2,
      p_after_name: all[1]!.display_name,
      p_after_id: all[1]!.member_id,
    });
    expect(second.ok && second.data.summary).toBeNull();
  });

  it('filters by store, department and name part or employee ID, and counts what it shows', async () => {
    const floor = await page(hr.client, { p_store_id: org.harbour, p_department_id: org.floor });
    expect(names(floor.people)).toEqual(['Bea Brown', 'Cy Chen']);
    expect(floor.summary?.pending).toBe(2);
    // A part across the space: the fixtures' random names ("Test 3fee12ab") can hold "ee", never "ee d".
    expect(names((await page(hr.client, { p_search: 'ee d' })).people)).toEqual(['Dee Diaz']);
    expect(names((await page(hr.client, { p_search: 'e-EVE' })).people)).toEqual(['Eve Evans']);
    // A % or _ in the search is a character, not a wildcard.
    expect((await page(hr.client, { p_search: '%' })).people).toEqual([]);
  });

  it('a manager sees only the stores they run; another store’s address is refused as unknown', async () => {
    const mine = await page(managerA.client);
    expect(ids(mine.people)).toEqual(ids([people.bea, people.cy, people.dee, managerA].map((m) => ({ member_id: m.memberId }))));
    expect(mine.summary?.stores.map((s) => s.name)).toEqual(['Harbour']);
    expect((await page(managerA.client, { p_store_id: org.harbour })).summary?.pending).toBe(4);
    const other = await callRpc(managerA.client, 'report_pending_people', { p_briefing_id: policy, p_store_id: org.pier });
    expect(failure(other)).toMatchObject({ status: 403, details: 'unknown_briefing' });
    expect(failure(await callRpc(managerB.client, 'report_pending_csv_page', { p_briefing_id: policy, p_store_id: org.harbour }))).toMatchObject({
      status: 403,
    });
    expect(ids((await page(managerB.client)).people)).toEqual(ids([people.eve, people.formula, managerB].map((m) => ({ member_id: m.memberId }))));
  });

  it('staff and another organisation’s HR are refused; a briefing that asks for no acknowledgement has no pending list', async () => {
    expect(failure(await callRpc(staff.client, 'report_pending_people', { p_briefing_id: policy }))).toMatchObject({ status: 403, details: 'forbidden' });
    expect(failure(await callRpc(staff.client, 'report_pending_csv_page', { p_briefing_id: policy }))).toMatchObject({ status: 403 });
    expect(failure(await callRpc(staff.client, 'report_stores', {}))).toMatchObject({ status: 403 });
    expect(failure(await callRpc(outsider.client, 'report_pending_people', { p_briefing_id: policy }))).toMatchObject({
      status: 403,
      details: 'unknown_briefing',
    });
    expect(failure(await callRpc(outsider.client, 'report_pending_people', { p_briefing_id: policy, p_store_id: org.harbour }))).toMatchObject({
      status: 403,
    });
    const news = await publishBriefing(hr.client, { title: 'FYI', requires_ack: false });
    expect(failure(await callRpc(hr.client, 'report_pending_people', { p_briefing_id: news }))).toMatchObject({ status: 403 });
  });

  it('the author of a briefing is not among those still to acknowledge it', async () => {
    const ofOwn = await page(hr.client, { p_briefing_id: own });
    expect(ids(ofOwn.people)).toEqual(ids([people.ana, people.bea, people.cy, people.dee].map((m) => ({ member_id: m.memberId }))));
    expect(ofOwn.people.map((p) => p.member_id)).not.toContain(managerA.memberId);
  });

  it('refuses bad paging arguments', async () => {
    expect(failure(await callRpc(hr.client, 'report_pending_people', { p_briefing_id: policy, p_limit: 201 }))).toMatchObject({
      status: 400,
      details: 'invalid_limit',
    });
    expect(failure(await callRpc(hr.client, 'report_pending_people', { p_briefing_id: policy, p_after_name: 'A' }))).toMatchObject({
      details: 'invalid_cursor',
    });
    expect(failure(await callRpc(hr.client, 'report_pending_csv_page', { p_briefing_id: policy, p_limit: 1001 }))).toMatchObject({
      details: 'invalid_limit',
    });
  });
});

describe('report_pending_csv_page', () => {
  it('is the same people, page by page, with formulas made inert', async () => {
    const rows = await csvWalk(hr.client, {}, 2);
    expect(ids(rows)).toEqual(ids((await page(hr.client)).people));
    const formula = rows.find((r) => r.member_id === people.formula.memberId);
    expect(formula).toMatchObject({ person: `'${FORMULA}`, display_name: FORMULA, store: 'Pier', department: 'Till', notifications: 'no' });
    expect(rows.find((r) => r.member_id === people.bea.memberId)?.notifications).toBe('yes');
    expect(names(await csvWalk(managerA.client, { p_store_id: org.harbour, p_department_id: org.floor }, 1))).toEqual(['Bea Brown', 'Cy Chen']);
  });
});

describe('report_stores', () => {
  it('offers the stores in scope by name part or code', async () => {
    const of = async (client: SupabaseClient, search: string | null) => {
      const outcome = await callRpc(client, 'report_stores', { p_search: search });
      return outcome.ok ? outcome.data.map((s) => s.name) : outcome.error;
    };
    expect(await of(hr.client, null)).toEqual(['Harbour', 'Pier']);
    expect(await of(hr.client, 'p-07')).toEqual(['Pier']);
    expect(await of(managerA.client, null)).toEqual(['Harbour']);
    expect(await of(managerA.client, 'pier')).toEqual([]);
  });

  it('report_briefings: a briefing of the period by its title, within what the caller may report on', async () => {
    const titles = async (client: SupabaseClient, search: string | null) => {
      const outcome = await callRpc(client, 'report_briefings', { p_search: search, p_days: 30 });
      return outcome.ok ? outcome.data.map((b) => b.title) : outcome.error;
    };
    expect(await titles(hr.client, 'cash')).toEqual(['Cash policy']);
    expect(await titles(hr.client, 'rota')).toEqual(['Harbour rota']);
    // Harbour's rota is for Harbour: Pier's manager may not report on it, nor find it.
    expect(await titles(managerB.client, 'rota')).toEqual([]);
    expect(await titles(managerB.client, 'cash')).toEqual(['Cash policy']);
    expect(await titles(outsider.client, 'cash')).toEqual([]);
    expect(failure(await callRpc(staff.client, 'report_briefings', { p_search: 'cash' }))).toMatchObject({ status: 403 });
  });

  it('report_departments: the organisation’s departments for managers and HR, nothing for staff or another organisation', async () => {
    const departments = await callRpc(managerA.client, 'report_departments', {});
    expect(departments.ok && departments.data).toEqual([
      { id: org.floor, name: 'Floor' },
      { id: org.till, name: 'Till' },
    ]);
    expect(failure(await callRpc(staff.client, 'report_departments', {}))).toMatchObject({ status: 403 });
    const theirs = await callRpc(outsider.client, 'report_departments', {});
    expect(theirs.ok && theirs.data.map((d) => d.id)).not.toContain(org.floor);
  });
});
