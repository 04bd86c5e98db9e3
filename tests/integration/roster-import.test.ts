/**
 * Roster import (#12 item 2) through the RPCs, as HR, a manager, staff and
 * another organisation's HR: the dry run names every problem and writes
 * nothing, apply does exactly the plan (batch all or nothing, twice = no
 * change), people missing from the file are only listed until the explicit
 * call. One organisation of its own, so the demo people are untouched.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { supabaseOnlineApi } from '../../src/data/online-api';
import { dryRunRoster } from '../../src/data/roster/roster-import';
import type { RosterRowInput } from '../../src/data/supabase/roster-types';
import { callRpc, type RpcOutcome } from '../../src/data/supabase/rpc';
import { parseRoster } from '../../src/features/roster/parse-roster';
import { createMember, createOrg, DEMO, signIn, sql, type TestMember } from './support/fixtures';

let org: { orgId: string; storeId: string; departmentId: string };
let hr: TestMember;
let manager: TestMember;
let staff: TestMember;
let elsewhereHr: TestMember;
let tag: string;

beforeAll(async () => {
  org = await createOrg();
  tag = randomUUID().slice(0, 6).toUpperCase();
  await sql(`update public.stores set code = 'HB' where id = $1`, [org.storeId]);
  await sql(`insert into public.stores (org_id, name, code, time_zone) values ($1, 'Quay', 'QY', 'Europe/London')`, [org.orgId]);
  const elsewhere = await createOrg();
  await sql(`update public.stores set code = 'HB' where id = $1`, [elsewhere.storeId]);
  [hr, manager, staff, elsewhereHr] = await Promise.all([
    createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null, role: 'manager', manages: [org.storeId] }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId }),
    createMember({ orgId: elsewhere.orgId, storeId: null, departmentId: null, role: 'hr' }),
  ]);
  // Everyone of the org carries an employee ID, as after a first import.
  await sql(`update public.members set employee_id = 'X' || substr(replace(id::text, '-', ''), 1, 10) where org_id = $1`, [org.orgId]);
});

const eid = (n: string) => `${tag}-${n}`;

function ok<T>(outcome: RpcOutcome<T>): T {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.data;
}

function refusal(outcome: RpcOutcome<unknown>): [string, string | null, string | null] | 'accepted' {
  if (outcome.ok) return 'accepted';
  if (outcome.error.kind !== 'http') throw new Error(JSON.stringify(outcome.error));
  return [outcome.error.code, outcome.error.details, /^row \d+:/.exec(outcome.error.message)?.[0] ?? null];
}

async function dryRun(client: SupabaseClient, rows: RosterRowInput[]) {
  const importId = ok(await callRpc(client, 'roster_start', {}));
  const plan = ok(await callRpc(client, 'roster_dry_run', { p_import_id: importId, p_rows: rows }));
  const byRow = new Map(plan.rows.map((r) => [r.row, r]));
  return { importId, plan: plan.rows, byRow };
}

async function counts() {
  const [row] = await sql<{ members: string; audit: string }>(
    `select (select count(*) from public.members where org_id = $1) as members,
            (select count(*) from private.admin_audit where org_id = $1) as audit`,
    [org.orgId],
  );
  return { members: Number(row!.members), audit: Number(row!.audit) };
}

async function person(employeeId: string) {
  const [row] = await sql<{ id: string; display_name: string; email: string | null; role: string; store_id: string | null; active: boolean }>(
    'select id, display_name, email, role, store_id, active from public.members where org_id = $1 and lower(employee_id) = lower($2)',
    [org.orgId, employeeId],
  );
  return row;
}

describe('the dry run', () => {
  it('names every problem and writes nothing', async () => {
    const before = await counts();
    const { plan, byRow } = await dryRun(hr.client, [
      { row: 2, employee_id: eid('A1'), display_name: 'Ana Add', store_code: 'hb', role: 'staff', email: `ana.${tag}@example.test` },
      { row: 3, employee_id: eid('A2'), display_name: 'Bad Store', store_code: 'NOPE' },
      { row: 4, employee_id: eid('A1'), display_name: 'Ana Again', store_code: 'HB' },
      { row: 5, employee_id: eid('A3'), display_name: 'Bad Mail', email: 'not-an-email' },
      { row: 6, employee_id: eid('A4'), display_name: 'Bad Role', role: 'boss' },
      { row: 7, employee_id: '', display_name: 'No Id' },
      { row: 8, employee_id: eid('A5') },
      { row: 9, employee_id: eid('A6'), display_name: 'Bad Dept', department: 'Bakery' },
      { row: 10, employee_id: eid('A7'), display_name: 'Same Mail', email: `ANA.${tag}@example.test` },
      { row: 11, employee_id: eid('A8'), display_name: 'Bad Lang', language: 'fr' },
      { row: 12, employee_id: 'bad id!', display_name: 'Bad Id' },
    ]);
    expect(plan).toHaveLength(11);
    expect(byRow.get(2)).toMatchObject({ outcome: 'add', after: { display_name: 'Ana Add', store_code: 'HB', role: 'staff' } });
    expect(Object.fromEntries(plan.filter((r) => r.outcome === 'problem').map((r) => [r.row, r.problem]))).toEqual({
      3: 'unknown_store',
      4: 'duplicate_employee_id',
      5: 'invalid_email',
      6: 'unknown_role',
      7: 'missing_field',
      8: 'missing_field',
      9: 'unknown_department',
      10: 'duplicate_email',
      11: 'invalid_locale',
      12: 'invalid_employee_id',
    });
    expect(await counts()).toEqual(before);
    expect(await person(eid('A1'))).toBeUndefined();
  });

  it('is refused to staff, and another organisation cannot use our import or our stores', async () => {
    expect(refusal(await callRpc(staff.client, 'roster_start', {}))).toEqual(['42501', 'forbidden', null]);
    const { importId } = await dryRun(hr.client, []);
    expect(refusal(await callRpc(elsewhereHr.client, 'roster_dry_run', { p_import_id: importId, p_rows: [] }))).toEqual(['22023', 'unknown_import', null]);
    expect(refusal(await callRpc(elsewhereHr.client, 'roster_apply', { p_import_id: importId, p_first_row: 1, p_last_row: 10 }))).toEqual([
      '22023',
      'unknown_import',
      null,
    ]);
    // Their HB is their store; our people's employee IDs are new people to them, never ours.
    const [ours] = await sql<{ employee_id: string }>('select employee_id from public.members where id = $1', [staff.memberId]);
    const theirs = await dryRun(elsewhereHr.client, [{ row: 2, employee_id: ours!.employee_id, display_name: 'Not Yours', store_code: 'QY' }]);
    expect(theirs.byRow.get(2)).toMatchObject({ outcome: 'problem', problem: 'unknown_store' });
    const missing = ok(await callRpc(elsewhereHr.client, 'roster_missing', { p_import_id: theirs.importId, p_limit: 1000 }));
    expect(missing.people.map((p) => p.id)).not.toContain(staff.memberId);
  });
});

describe('apply', () => {
  it('does exactly the plan, skips problem rows, and applying twice changes nothing', async () => {
    const changed = await createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null });
    await sql('update public.members set employee_id = $2 where id = $1', [changed.memberId, eid('C1')]);
    const unchanged = await createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null });
    const [u] = await sql<{ display_name: string }>(`update public.members set employee_id = $2 where id = $1 returning display_name`, [
      unchanged.memberId,
      eid('U1'),
    ]);
    const rows: RosterRowInput[] = [
      { row: 2, employee_id: eid('N1'), display_name: 'New One', store_code: 'HB', department: 'floor' },
      { row: 3, employee_id: eid('N2'), display_name: 'New Two', store_code: 'QY', role: 'manager', manages_store_codes: 'QY|HB' },
      { row: 4, employee_id: eid('C1').toLowerCase(), display_name: 'Changed Name', store_code: 'QY' },
      { row: 5, employee_id: eid('U1'), display_name: u!.display_name, store_code: 'HB' },
      { row: 6, employee_id: eid('P1'), display_name: 'Problem', store_code: 'ZZ' },
    ];
    const before = await counts();
    const { importId, byRow } = await dryRun(hr.client, rows);
    expect([2, 3, 4, 5, 6].map((n) => byRow.get(n)?.outcome)).toEqual(['add', 'add', 'change', 'unchanged', 'problem']);
    expect(byRow.get(4)).toMatchObject({
      before: { display_name: expect.any(String), store_code: 'HB' },
      after: { display_name: 'Changed Name', store_code: 'QY' },
    });
    expect(await counts()).toEqual(before);

    const applied = ok(await callRpc(hr.client, 'roster_apply', { p_import_id: importId, p_first_row: 2, p_last_row: 6 }));
    expect(applied.rows.map((r) => [r.row, r.outcome])).toEqual([
      [2, 'added'],
      [3, 'added'],
      [4, 'changed'],
    ]);
    expect(await counts()).toEqual({ members: before.members + 2, audit: before.audit + 3 });
    expect(await person(eid('N1'))).toMatchObject({ display_name: 'New One', role: 'staff', active: true });
    const n2 = await person(eid('N2'));
    expect(n2).toMatchObject({ role: 'manager' });
    const [{ n } = { n: '0' }] = await sql<{ n: string }>('select count(*) as n from public.store_managers where member_id = $1', [n2!.id]);
    expect(Number(n)).toBe(2);
    expect(await person(eid('C1'))).toMatchObject({ display_name: 'Changed Name' });
    expect(await person(eid('P1'))).toBeUndefined();

    // The same import applied again, and the same file imported again: nothing moves, nothing is logged.
    const after = await counts();
    ok(await callRpc(hr.client, 'roster_apply', { p_import_id: importId, p_first_row: 2, p_last_row: 6 }));
    expect(await counts()).toEqual(after);
    const again = await dryRun(hr.client, rows);
    expect([2, 3, 4, 5, 6].map((n) => again.byRow.get(n)?.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'problem']);
    expect(ok(await callRpc(hr.client, 'roster_apply', { p_import_id: again.importId, p_first_row: 2, p_last_row: 6 })).rows).toEqual([]);
    expect(await counts()).toEqual(after);
  });

  it('writes nothing of a batch when one of its rows is refused at apply time', async () => {
    const { importId, byRow } = await dryRun(hr.client, [
      { row: 2, employee_id: eid('B1'), display_name: 'Batch One', store_code: 'HB' },
      { row: 3, employee_id: eid('B2'), display_name: 'Batch Two', store_code: 'HB', email: `b2.${tag}@example.test` },
    ]);
    expect(byRow.get(3)?.outcome).toBe('add');
    // Between the dry run and apply, someone else takes row 3's email.
    await sql('update public.members set email = $2 where id = $1', [staff.memberId, `b2.${tag}@example.test`]);
    const before = await counts();
    expect(refusal(await callRpc(hr.client, 'roster_apply', { p_import_id: importId, p_first_row: 2, p_last_row: 3 }))).toEqual([
      '22023',
      'duplicate_email',
      'row 3:',
    ]);
    expect(await counts()).toEqual(before);
    expect(await person(eid('B1'))).toBeUndefined();
  });
});

describe('people missing from the file', () => {
  it('are listed, and deactivated only by the explicit call, only those still missing', async () => {
    const leaver = await createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null });
    await sql('update public.members set employee_id = $2 where id = $1', [leaver.memberId, eid('L1')]);
    const [{ staff_eid } = { staff_eid: '' }] = await sql<{ staff_eid: string }>('select employee_id as staff_eid from public.members where id = $1', [
      staff.memberId,
    ]);
    const { importId } = await dryRun(hr.client, [{ row: 2, employee_id: staff_eid, store_code: 'HB' }]);
    const missing = ok(await callRpc(hr.client, 'roster_missing', { p_import_id: importId, p_limit: 1000 }));
    const ids = missing.people.map((p) => p.id);
    expect(ids).toContain(leaver.memberId);
    expect(ids).toContain(manager.memberId);
    expect(ids).not.toContain(staff.memberId);
    expect(ids).not.toContain(hr.memberId);
    expect(missing.total).toBe(ids.length);
    expect(await person(eid('L1'))).toMatchObject({ active: true });

    const done = ok(await callRpc(hr.client, 'roster_deactivate_missing', { p_import_id: importId, p_member_ids: [leaver.memberId, staff.memberId] }));
    expect(done.deactivated).toBe(1);
    expect(await person(eid('L1'))).toMatchObject({ active: false });
    expect(await person(staff_eid)).toMatchObject({ active: true });
    const [log] = await sql<{ action: string; reason: string }>(
      `select action, reason from private.admin_audit where target_member_id = $1 order by id desc limit 1`,
      [leaver.memberId],
    );
    expect(log).toEqual({ action: 'person_deactivated', reason: 'roster import' });
  });
});

describe("a manager's import", () => {
  it('touches only staff of their stores; other stores and roles are problems', async () => {
    const before = await counts();
    const { importId, byRow } = await dryRun(manager.client, [
      { row: 2, employee_id: eid('M1'), display_name: 'Mine', store_code: 'HB' },
      { row: 3, employee_id: eid('M2'), display_name: 'Not Mine', store_code: 'QY' },
      { row: 4, employee_id: eid('M3'), display_name: 'Promoted', store_code: 'HB', role: 'manager' },
      { row: 5, employee_id: eid('M4'), display_name: 'HR', store_code: 'HB', role: 'hr' },
    ]);
    expect([2, 3, 4, 5].map((n) => byRow.get(n)?.problem ?? byRow.get(n)?.outcome)).toEqual([
      'add',
      'store_not_managed',
      'role_not_allowed',
      'role_not_allowed',
    ]);
    expect(await counts()).toEqual(before);
    const missing = ok(await callRpc(manager.client, 'roster_missing', { p_import_id: importId, p_limit: 1000 }));
    const [{ n } = { n: '0' }] = await sql<{ n: string }>(
      `select count(*) as n from public.members where org_id = $1 and active and role = 'staff' and store_id = $2`,
      [org.orgId, org.storeId],
    );
    expect(missing.total).toBe(Number(n));
    expect(missing.people.map((p) => p.id)).not.toContain(hr.memberId);
    ok(await callRpc(manager.client, 'roster_apply', { p_import_id: importId, p_first_row: 2, p_last_row: 5 }));
    expect(await person(eid('M1'))).toMatchObject({ store_id: org.storeId, role: 'staff' });
    expect(await person(eid('M2'))).toBeUndefined();
    // The manager cannot deactivate HR through the list.
    expect(ok(await callRpc(manager.client, 'roster_deactivate_missing', { p_import_id: importId, p_member_ids: [hr.memberId] })).deactivated).toBe(0);
  });
});

describe('the sample roster of the demo organisation', () => {
  it("reads with the page's parser and dry-runs as HR: the demo people known, four new, the typo named", async () => {
    const parsed = await parseRoster(await readFile(new URL('../../docs/samples/roster-demo.csv', import.meta.url), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.code);
    const plan = await dryRunRoster(supabaseOnlineApi(await signIn(DEMO.hr)), parsed.rows, parsed.duplicates);
    if (!plan.ok) throw new Error(JSON.stringify(plan.failure));
    const outcome = Object.fromEntries(plan.data.rows.map((r) => [String(r.employee_id), r.problem ?? r.outcome]));
    for (const known of ['E1001', 'E1002', 'E1003', 'E1004', 'E1005', 'E1006']) expect(['unchanged', 'change']).toContain(outcome[known]);
    expect(outcome).toMatchObject({ E1007: 'add', E1008: 'add', E1009: 'add', E1010: 'add', E1011: 'unknown_store' });
    expect(plan.data.rows.find((r) => r.employee_id === 'E1009')?.after).toMatchObject({
      display_name: "Morgan O'Brien",
      store_code: 'RVS',
      department_name: 'Stockroom',
    });
  });
});
