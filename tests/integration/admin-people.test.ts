/**
 * Stores, departments and people administration (#12), tried as the attacker:
 * a manager reaching beyond the stores they run or above staff, staff reaching
 * anything, another organisation's HR reaching ours. Each refusal is checked
 * to change nothing and to log nothing. One organisation of its own per file,
 * so the demo people and other files' counts are untouched.
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc, type RpcOutcome } from '../../src/data/supabase/rpc';
import type { AdminPerson, AdminPersonInput } from '../../src/data/supabase/types';
import { ackOf, briefingVersion, createMember, createOrg, publishBriefing, pullAll, push, sql, type TestMember } from './support/fixtures';

let org: { orgId: string; storeId: string; departmentId: string };
let otherStore: string;
let hr: TestMember;
let manager: TestMember;
let otherManager: TestMember;
let coManager: TestMember;
let staff: TestMember;
let otherStaff: TestMember;
let elsewhereHr: TestMember;
let elsewhere: { orgId: string; storeId: string; departmentId: string };

beforeAll(async () => {
  org = await createOrg();
  [{ id: otherStore }] = (await sql<{ id: string }>(
    `insert into public.stores (org_id, name, code, time_zone) values ($1, 'Quay', 'QY', 'Europe/London') returning id`,
    [org.orgId],
  )) as [{ id: string }];
  await sql(`update public.stores set code = 'HB' where id = $1`, [org.storeId]);
  elsewhere = await createOrg();
  [hr, manager, otherManager, coManager, staff, otherStaff, elsewhereHr] = await Promise.all([
    createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null, role: 'manager', manages: [org.storeId] }),
    createMember({ orgId: org.orgId, storeId: otherStore, departmentId: null, role: 'manager', manages: [otherStore] }),
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

async function save(client: SupabaseClient, person: AdminPersonInput): Promise<RpcOutcome<AdminPerson>> {
  return callRpc(client, 'admin_save_person', { p_person: person });
}

async function saved(client: SupabaseClient, person: AdminPersonInput): Promise<AdminPerson> {
  const outcome = await save(client, person);
  if (!outcome.ok) throw new Error(`admin_save_person failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}

async function memberRow(id: string) {
  const [row] = await sql<{ role: string; store_id: string | null; active: boolean; display_name: string; employee_id: string | null }>(
    'select role, store_id, active, display_name, employee_id from public.members where id = $1',
    [id],
  );
  return row;
}

async function auditCount(): Promise<number> {
  const [row] = await sql<{ n: string }>('select count(*) as n from private.admin_audit where org_id = $1', [org.orgId]);
  return Number(row!.n);
}

const employeeId = () => `T${randomUUID().slice(0, 8)}`;

describe('a manager reaches only staff of the stores they run', () => {
  it('lists only people of their stores, and is refused another store as a filter', async () => {
    const page = await callRpc(manager.client, 'admin_people', { p_limit: 200 });
    expect(page.ok).toBe(true);
    const ids = page.ok ? page.data.people.map((p) => p.id) : [];
    expect(ids).toContain(staff.memberId);
    expect(ids).toContain(coManager.memberId);
    expect(ids).not.toContain(otherStaff.memberId);
    expect(ids).not.toContain(otherManager.memberId);
    expect(ids).not.toContain(hr.memberId);
    expect(refusal(await callRpc(manager.client, 'admin_people', { p_store_id: otherStore }))).toEqual([403, '42501', 'store_not_managed']);

    const stores = await callRpc(manager.client, 'admin_stores', {});
    expect(stores.ok && stores.data.map((s) => s.id)).toEqual([org.storeId]);
  });

  it('cannot change, move or deactivate people of another store', async () => {
    const before = await auditCount();
    expect(refusal(await save(manager.client, { id: otherStaff.memberId, display_name: 'Renamed' }))).toEqual([403, '42501', 'person_not_managed']);
    expect(refusal(await save(manager.client, { id: otherStaff.memberId, store_id: org.storeId }))).toEqual([403, '42501', 'person_not_managed']);
    expect(refusal(await callRpc(manager.client, 'admin_set_person_active', { p_member_id: otherStaff.memberId, p_active: false }))).toEqual([
      403,
      '42501',
      'person_not_managed',
    ]);
    expect(await memberRow(otherStaff.memberId)).toMatchObject({ active: true, store_id: otherStore, display_name: expect.not.stringMatching('Renamed') });
    expect(await auditCount()).toBe(before);
  });

  it('cannot move their own staff into a store they do not run, nor out of every store', async () => {
    const before = await auditCount();
    expect(refusal(await save(manager.client, { id: staff.memberId, store_id: otherStore }))).toEqual([403, '42501', 'store_not_managed']);
    expect(refusal(await save(manager.client, { id: staff.memberId, store_id: null }))).toEqual([403, '42501', 'store_not_managed']);
    expect(refusal(await save(manager.client, { display_name: 'New in Quay', employee_id: employeeId(), store_id: otherStore }))).toEqual([
      403,
      '42501',
      'store_not_managed',
    ]);
    expect((await memberRow(staff.memberId))?.store_id).toBe(org.storeId);
    expect(await auditCount()).toBe(before);
  });

  it('cannot make anyone manager, HR or admin, nor hand out stores to run', async () => {
    const before = await auditCount();
    for (const role of ['manager', 'hr', 'admin'] as const) {
      expect(refusal(await save(manager.client, { id: staff.memberId, role }))).toEqual([403, '42501', 'role_not_allowed']);
      expect(refusal(await save(manager.client, { display_name: 'Promoted', employee_id: employeeId(), store_id: org.storeId, role }))).toEqual([
        403,
        '42501',
        'role_not_allowed',
      ]);
    }
    expect(refusal(await save(manager.client, { id: staff.memberId, managed_store_ids: [org.storeId] }))).toEqual([403, '42501', 'role_not_allowed']);
    expect((await memberRow(staff.memberId))?.role).toBe('staff');
    const [{ n }] = (await sql<{ n: string }>('select count(*) as n from public.members where org_id = $1 and display_name = $2', [org.orgId, 'Promoted'])) as [
      { n: string },
    ];
    expect(n).toBe('0');
    expect(await auditCount()).toBe(before);
  });

  it('cannot edit or deactivate HR, another manager of their store, or themselves', async () => {
    for (const target of [hr, coManager, manager, otherManager]) {
      expect(refusal(await save(manager.client, { id: target.memberId, display_name: 'Changed' }))).toEqual([403, '42501', 'person_not_managed']);
      expect(refusal(await callRpc(manager.client, 'admin_set_person_active', { p_member_id: target.memberId, p_active: false }))).toEqual([
        403,
        '42501',
        'person_not_managed',
      ]);
      expect((await memberRow(target.memberId))?.active).toBe(true);
    }
  });

  it('cannot manage stores, departments or read the admin log', async () => {
    expect(refusal(await callRpc(manager.client, 'admin_save_store', { p_store: { id: org.storeId, name: 'Mine now' } }))).toEqual([403, '42501', 'forbidden']);
    expect(refusal(await callRpc(manager.client, 'admin_save_department', { p_department: { name: 'Secret' } }))).toEqual([403, '42501', 'forbidden']);
    expect(refusal(await callRpc(manager.client, 'admin_audit_log', {}))).toEqual([403, '42501', 'forbidden']);
    expect(refusal(await callRpc(manager.client, 'admin_audit_export_page', {}))).toEqual([403, '42501', 'forbidden']);
  });

  it('adds staff to their store (no login yet, active) and edits them', async () => {
    const person = await saved(manager.client, {
      display_name: 'Noor Haddad',
      employee_id: employeeId(),
      phone: '+44 7700 900123',
      store_id: org.storeId,
      department_id: org.departmentId,
      locale: 'es',
    });
    expect(person).toMatchObject({ role: 'staff', active: true, has_login: false, email: null, store_code: 'HB', locale: 'es' });
    const [row] = await sql<{ user_id: string | null; active: boolean }>('select user_id, active from public.members where id = $1', [person.id]);
    expect(row).toEqual({ user_id: null, active: true });
    const edited = await saved(manager.client, { id: person.id, display_name: 'Noor Haddad-Kaur', phone: null });
    expect(edited).toMatchObject({ display_name: 'Noor Haddad-Kaur', phone: null, employee_id: person.employee_id });
  });
});

describe('staff reach none of it', () => {
  it('every admin call answers 42501', async () => {
    const calls: Array<Promise<RpcOutcome<unknown>>> = [
      callRpc(staff.client, 'admin_people', {}),
      callRpc(staff.client, 'admin_stores', {}),
      callRpc(staff.client, 'admin_departments', {}),
      save(staff.client, { id: staff.memberId, role: 'hr' }),
      save(staff.client, { display_name: 'Friend', employee_id: employeeId(), store_id: org.storeId }),
      callRpc(staff.client, 'admin_set_person_active', { p_member_id: otherStaff.memberId, p_active: false }),
      callRpc(staff.client, 'admin_save_store', { p_store: { name: 'Mine', code: 'MINE' } }),
      callRpc(staff.client, 'admin_save_department', { p_department: { name: 'Mine' } }),
      callRpc(staff.client, 'admin_audit_log', {}),
      callRpc(staff.client, 'admin_audit_export_page', {}),
    ];
    for (const outcome of await Promise.all(calls)) expect(refusal(outcome)).toEqual([403, '42501', 'forbidden']);
    expect((await memberRow(staff.memberId))?.role).toBe('staff');
  });
});

describe("another organisation's HR", () => {
  it('sees nothing of ours and changes nothing', async () => {
    const page = await callRpc(elsewhereHr.client, 'admin_people', { p_limit: 200 });
    const ids = page.ok ? page.data.people.map((p) => p.id) : null;
    expect(ids).toEqual([elsewhereHr.memberId]);
    const stores = await callRpc(elsewhereHr.client, 'admin_stores', {});
    expect(stores.ok && stores.data.map((s) => s.id)).toEqual([elsewhere.storeId]);
    expect(refusal(await callRpc(elsewhereHr.client, 'admin_people', { p_store_id: org.storeId }))).toEqual('accepted');

    const before = await auditCount();
    expect(refusal(await save(elsewhereHr.client, { id: staff.memberId, display_name: 'Taken over' }))).toEqual([400, '22023', 'unknown_person']);
    expect(refusal(await callRpc(elsewhereHr.client, 'admin_set_person_active', { p_member_id: staff.memberId, p_active: false }))).toEqual([
      400,
      '22023',
      'unknown_person',
    ]);
    expect(refusal(await callRpc(elsewhereHr.client, 'admin_save_store', { p_store: { id: org.storeId, name: 'Ours' } }))).toEqual([
      400,
      '22023',
      'unknown_store',
    ]);
    expect(refusal(await callRpc(elsewhereHr.client, 'admin_save_department', { p_department: { id: org.departmentId, name: 'Ours' } }))).toEqual([
      400,
      '22023',
      'unknown_department',
    ]);
    // Nor can they place their own people in our store or department.
    expect(refusal(await save(elsewhereHr.client, { display_name: 'Spy', employee_id: employeeId(), store_id: org.storeId }))).toEqual([
      400,
      '22023',
      'unknown_store',
    ]);
    expect(
      refusal(await save(elsewhereHr.client, { display_name: 'Spy', employee_id: employeeId(), role: 'manager', managed_store_ids: [org.storeId] })),
    ).toEqual([400, '22023', 'unknown_store']);
    expect(refusal(await save(elsewhereHr.client, { display_name: 'Spy', employee_id: employeeId(), department_id: org.departmentId }))).toEqual([
      400,
      '22023',
      'unknown_department',
    ]);
    expect(await memberRow(staff.memberId)).toMatchObject({ active: true, display_name: expect.not.stringMatching('Taken over') });
    expect(await auditCount()).toBe(before);
  });
});

describe('employee IDs, emails and other input', () => {
  it('refuses a duplicate employee ID within the organisation whatever its case, and allows it in another', async () => {
    const id = employeeId();
    const first = await saved(hr.client, { display_name: 'First', employee_id: id, store_id: org.storeId });
    expect(refusal(await save(hr.client, { display_name: 'Second', employee_id: id.toLowerCase(), store_id: org.storeId }))).toEqual([
      400,
      '22023',
      'duplicate_employee_id',
    ]);
    const other = await saved(hr.client, { display_name: 'Other', employee_id: employeeId(), store_id: org.storeId });
    expect(refusal(await save(hr.client, { id: other.id, employee_id: id.toLowerCase() }))).toEqual([400, '22023', 'duplicate_employee_id']);
    // The same ID in another organisation is another person.
    const there = await saved(elsewhereHr.client, { display_name: 'First elsewhere', employee_id: id, store_id: elsewhere.storeId });
    expect(there.employee_id).toBe(id);
    // Saving a person with their own ID in another case is fine.
    expect((await saved(hr.client, { id: first.id, employee_id: id.toLowerCase() })).employee_id).toBe(id.toLowerCase());
  });

  it('refuses a duplicate email, bad email, phone, role, locale, unknown ids and overlong text with their codes', async () => {
    const email = `${randomUUID().slice(0, 8)}@Example.test`;
    await saved(hr.client, { display_name: 'Mailed', employee_id: employeeId(), email });
    const base = { display_name: 'Someone', employee_id: employeeId() };
    const cases: Array<[AdminPersonInput, string]> = [
      [{ ...base, email: email.toUpperCase() }, 'duplicate_email'],
      [{ ...base, email: 'not-an-email' }, 'invalid_email'],
      [{ ...base, phone: '555-CALL-ME' }, 'invalid_phone'],
      [{ ...base, role: 'owner' as AdminPersonInput['role'] }, 'invalid_role'],
      [{ ...base, locale: 'fr' as AdminPersonInput['locale'] }, 'invalid_locale'],
      [{ ...base, store_id: randomUUID() }, 'unknown_store'],
      [{ ...base, department_id: randomUUID() }, 'unknown_department'],
      [{ ...base, employee_id: '=cmd|x' }, 'invalid_employee_id'],
      [{ ...base, employee_id: undefined }, 'missing_field'],
      [{ ...base, display_name: 'x'.repeat(121) }, 'too_long'],
      [{ ...base, id: randomUUID() }, 'unknown_person'],
    ];
    for (const [input, code] of cases) expect([code, refusal(await save(hr.client, input))]).toEqual([code, [400, '22023', code]]);
  });

  it('HR cannot change their own role or deactivate themselves', async () => {
    expect(refusal(await save(hr.client, { id: hr.memberId, role: 'staff' }))).toEqual([403, '42501', 'cannot_change_self']);
    expect(refusal(await callRpc(hr.client, 'admin_set_person_active', { p_member_id: hr.memberId, p_active: false }))).toEqual([
      403,
      '42501',
      'cannot_change_self',
    ]);
  });

  it('HR makes a manager of the stores they give, and taking the role away drops them', async () => {
    const person = await saved(hr.client, { display_name: 'Area lead', employee_id: employeeId(), store_id: org.storeId, role: 'manager' });
    expect(person.managed_store_ids).toEqual([org.storeId]);
    const both = await saved(hr.client, { id: person.id, managed_store_ids: [otherStore, org.storeId] });
    expect(both.managed_store_ids).toEqual([org.storeId, otherStore].sort());
    const demoted = await saved(hr.client, { id: person.id, role: 'staff' });
    expect(demoted.managed_store_ids).toEqual([]);
    const [{ n }] = (await sql<{ n: string }>('select count(*) as n from public.store_managers where member_id = $1', [person.id])) as [{ n: string }];
    expect(n).toBe('0');
  });
});

describe('stores and departments', () => {
  it('HR creates and edits stores with a unique code and a known time zone; managers list only theirs', async () => {
    const code = `S${randomUUID().slice(0, 6)}`;
    const created = await callRpc(hr.client, 'admin_save_store', { p_store: { name: 'Market Street', code, time_zone: 'Europe/Madrid', region: 'South' } });
    expect(created.ok && created.data).toMatchObject({ name: 'Market Street', code, time_zone: 'Europe/Madrid', region: 'South', active_people: 0 });
    const id = created.ok ? created.data.id : '';
    expect(refusal(await callRpc(hr.client, 'admin_save_store', { p_store: { name: 'Copy', code: code.toLowerCase() } }))).toEqual([
      400,
      '22023',
      'duplicate_store_code',
    ]);
    expect(refusal(await callRpc(hr.client, 'admin_save_store', { p_store: { id, time_zone: 'Mars/Olympus' } }))).toEqual([400, '22023', 'invalid_time_zone']);
    expect(refusal(await callRpc(hr.client, 'admin_save_store', { p_store: { name: 'No code' } }))).toEqual([400, '22023', 'missing_field']);
    const edited = await callRpc(hr.client, 'admin_save_store', { p_store: { id, region: null } });
    expect(edited.ok && edited.data).toMatchObject({ id, name: 'Market Street', code, region: null });

    const stores = await callRpc(hr.client, 'admin_stores', {});
    expect(stores.ok && stores.data.find((s) => s.id === org.storeId)).toMatchObject({
      code: 'HB',
      manager_ids: [manager.memberId, coManager.memberId].sort(),
    });
    const departments = await callRpc(manager.client, 'admin_departments', {});
    // A manager's counts are their stores' only: the department has staff in both stores.
    expect(departments.ok && departments.data.find((d) => d.id === org.departmentId)?.active_people).toBeGreaterThan(0);
    const [{ n }] = (await sql<{ n: string }>('select count(*) as n from public.members where department_id = $1 and active and store_id = $2', [
      org.departmentId,
      org.storeId,
    ])) as [{ n: string }];
    expect(departments.ok && departments.data.find((d) => d.id === org.departmentId)?.active_people).toBe(Number(n));
  });

  it('department names are unique per organisation, ignoring case', async () => {
    const name = `Bakery ${randomUUID().slice(0, 4)}`;
    const created = await callRpc(hr.client, 'admin_save_department', { p_department: { name } });
    expect(created.ok && created.data).toMatchObject({ name, active_people: 0 });
    expect(refusal(await callRpc(hr.client, 'admin_save_department', { p_department: { name: name.toUpperCase() } }))).toEqual([
      400,
      '22023',
      'duplicate_department_name',
    ]);
    expect(refusal(await callRpc(elsewhereHr.client, 'admin_save_department', { p_department: { name } }))).toBe('accepted');
  });
});

describe('deactivation and reactivation', () => {
  it('keeps acknowledgements, refuses the person at once, and lets them back in', async () => {
    const leaver = await createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId });
    const briefingId = await publishBriefing(hr.client, { kind: 'policy', title: 'Till float', body: 'Count it.' });
    const [acked] = await push(leaver.client, [ackOf(briefingId, await briefingVersion(briefingId))]);
    expect(acked?.status).toBe('applied');

    const off = await callRpc(manager.client, 'admin_set_person_active', { p_member_id: leaver.memberId, p_active: false, p_reason: 'Left the company' });
    expect(off.ok && off.data).toMatchObject({ active: false, has_login: true });
    const pulled = await callRpc(leaver.client, 'sync_pull', {});
    expect(refusal(pulled)).toEqual([403, '42501', 'member_inactive']);
    const [{ n }] = (await sql<{ n: string }>('select count(*) as n from public.acknowledgements where member_id = $1', [leaver.memberId])) as [{ n: string }];
    expect(n).toBe('1');
    // Deactivating again changes nothing and logs nothing.
    const logged = await auditCount();
    await callRpc(manager.client, 'admin_set_person_active', { p_member_id: leaver.memberId, p_active: false });
    expect(await auditCount()).toBe(logged);

    const inactive = await callRpc(manager.client, 'admin_people', { p_status: 'inactive' });
    expect(inactive.ok && inactive.data.people.map((p) => p.id)).toContain(leaver.memberId);

    const on = await callRpc(manager.client, 'admin_set_person_active', { p_member_id: leaver.memberId, p_active: true });
    expect(on.ok && on.data.active).toBe(true);
    const { pages } = await pullAll(leaver.client);
    expect(pages[0]?.me.member_id).toBe(leaver.memberId);
  });
});
