/**
 * The admin log (#12 item 5): every admin change is recorded in its own
 * transaction with who, what and the changed fields before and after; a
 * refused change or a save that changes nothing records nothing; HR reads it in
 * keyset pages and exports it with spreadsheet formulas neutralised.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc, type RpcOutcome } from '../../src/data/supabase/rpc';
import type { AdminAuditEntry, AdminAuditExportRow, AdminAuditPage, AdminPerson, RpcArgs } from '../../src/data/supabase/types';
import { decodeCsvCell } from '../../src/domain/csv-cell';
import { createMember, createOrg, sql, type TestMember } from './support/fixtures';

let org: { orgId: string; storeId: string; departmentId: string };
let hr: TestMember;
let manager: TestMember;
let person: AdminPerson;

beforeAll(async () => {
  org = await createOrg();
  await sql(`update public.stores set code = 'HB' where id = $1`, [org.storeId]);
  [hr, manager] = await Promise.all([
    createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null, role: 'manager', manages: [org.storeId] }),
  ]);
  const created = await callRpc(hr.client, 'admin_save_person', {
    p_person: { display_name: '=HYPERLINK("http://evil.example")', employee_id: 'A-100', store_id: org.storeId, email: 'ana@example.test' },
  });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  person = created.data;
});

async function log(args: RpcArgs['admin_audit_log'] = {}): Promise<AdminAuditEntry[]> {
  const outcome = await callRpc(hr.client, 'admin_audit_log', args);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.data.entries;
}

describe('what the log records', () => {
  it('a creation: who, the person, and every field set', async () => {
    const [entry] = await log({ p_filters: { member_id: person.id, action: 'person_created' } });
    expect(entry).toMatchObject({
      action: 'person_created',
      before: null,
      actor: { id: hr.memberId },
      member: { id: person.id, employee_id: 'A-100' },
      after: { display_name: '=HYPERLINK("http://evil.example")', employee_id: 'A-100', email: 'ana@example.test', role: 'staff', store_code: 'HB' },
    });
  });

  it('an edit: only the changed fields, before and after, in the transaction that made it', async () => {
    const edited = await callRpc(manager.client, 'admin_save_person', {
      p_person: { id: person.id, display_name: 'Ana Silva', phone: '+1 555 0100', employee_id: 'A-100', department_id: org.departmentId },
    });
    expect(edited.ok).toBe(true);
    const [entry] = await log({ p_filters: { member_id: person.id }, p_limit: 1 });
    expect(entry).toMatchObject({ action: 'person_updated', actor: { id: manager.memberId } });
    expect(entry?.before).toEqual({ display_name: '=HYPERLINK("http://evil.example")', phone: null, department_id: null, department_name: null });
    expect(entry?.after).toEqual({ display_name: 'Ana Silva', phone: '+1 555 0100', department_id: org.departmentId, department_name: 'Floor' });
    // Written by the same transaction as the change itself: both stamped with its now().
    const [same] = await sql<{ same: boolean }>(
      `select a.at = m.updated_at as same from private.admin_audit a join public.members m on m.id = a.target_member_id where a.id = $1`,
      [entry!.id],
    );
    expect(same?.same).toBe(true);
  });

  it('a save that changes nothing, and a refused one, record nothing', async () => {
    const count = async () => Number((await sql<{ n: string }>('select count(*) as n from private.admin_audit where org_id = $1', [org.orgId]))[0]!.n);
    const before = await count();
    expect(
      (await callRpc(hr.client, 'admin_save_person', { p_person: { id: person.id, display_name: 'Ana Silva', employee_id: 'a-100'.toUpperCase() } })).ok,
    ).toBe(true);
    const refused = await callRpc(manager.client, 'admin_save_person', { p_person: { id: person.id, role: 'hr' } });
    expect(!refused.ok && refused.error.kind === 'http' && refused.error.details).toBe('role_not_allowed');
    const invalid = await callRpc(hr.client, 'admin_save_person', { p_person: { id: person.id, display_name: 'Ana', email: 'broken' } });
    expect(!invalid.ok && invalid.error.kind === 'http' && invalid.error.details).toBe('invalid_email');
    expect(await count()).toBe(before);
    expect((await sql<{ display_name: string }>('select display_name from public.members where id = $1', [person.id]))[0]?.display_name).toBe('Ana Silva');
  });

  it('deactivation with its reason, reactivation, stores and departments', async () => {
    await callRpc(hr.client, 'admin_set_person_active', { p_member_id: person.id, p_active: false, p_reason: 'Contract ended' });
    await callRpc(hr.client, 'admin_set_person_active', { p_member_id: person.id, p_active: true });
    const store = await callRpc(hr.client, 'admin_save_store', { p_store: { id: org.storeId, name: 'Harbour Front', region: 'North' } });
    const department = await callRpc(hr.client, 'admin_save_department', { p_department: { id: org.departmentId, name: 'Shop floor' } });
    expect(store.ok && department.ok).toBe(true);
    const entries = await log({ p_limit: 4 });
    expect(entries.map((e) => [e.action, e.before, e.after, e.reason])).toEqual([
      ['department_updated', { name: 'Floor' }, { name: 'Shop floor' }, null],
      ['store_updated', { name: 'Harbour', region: null }, { name: 'Harbour Front', region: 'North' }, null],
      ['person_reactivated', { active: false }, { active: true }, null],
      ['person_deactivated', { active: true }, { active: false }, 'Contract ended'],
    ]);
    expect(entries[1]?.store).toEqual({ id: org.storeId, name: 'Harbour Front', code: 'HB' });
    expect(entries[0]?.department).toEqual({ id: org.departmentId, name: 'Shop floor' });
  });
});

describe('reading and exporting it', () => {
  it('pages newest first with next, and filters', async () => {
    const all = await log({ p_limit: 200 });
    const paged: AdminAuditEntry[] = [];
    let after: RpcArgs['admin_audit_log']['p_after'] = null;
    for (;;) {
      const outcome: RpcOutcome<AdminAuditPage> = await callRpc(hr.client, 'admin_audit_log', { p_after: after, p_limit: 2 });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
      paged.push(...outcome.data.entries);
      if (!outcome.data.next) break;
      after = outcome.data.next;
    }
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(all.length).toBe(6);
    expect([...all].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id).map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect((await log({ p_filters: { actor_member_id: manager.memberId } })).map((e) => e.action)).toEqual(['person_updated']);
    expect((await log({ p_filters: { from: new Date(Date.now() + 60_000).toISOString() } })).length).toBe(0);
    const bad = await callRpc(hr.client, 'admin_audit_log', { p_filters: { member_id: 'nope' } });
    expect(!bad.ok && bad.error.kind === 'http' && bad.error.details).toBe('invalid_filters');
  });

  it("another organisation's HR sees none of it", async () => {
    const elsewhere = await createOrg();
    const otherHr = await createMember({ orgId: elsewhere.orgId, storeId: null, departmentId: null, role: 'hr' });
    const outcome = await callRpc(otherHr.client, 'admin_audit_log', { p_limit: 200 });
    expect(outcome.ok && outcome.data.entries).toEqual([]);
    const rows = await callRpc(otherHr.client, 'admin_audit_export_page', { p_filters: { member_id: person.id } });
    expect(rows.ok && rows.data).toEqual([]);
  });

  it('the export pages the same rows with formula cells neutralised', async () => {
    const all = await log({ p_limit: 200 });
    const rows: AdminAuditExportRow[] = [];
    let key: { p_after_at: string | null; p_after_id: number | null } = { p_after_at: null, p_after_id: null };
    for (;;) {
      const page = await callRpc(hr.client, 'admin_audit_export_page', { ...key, p_limit: 3 });
      if (!page.ok) throw new Error(JSON.stringify(page.error));
      const last = page.data.at(-1);
      if (!last) break;
      rows.push(...page.data);
      key = { p_after_at: last.at, p_after_id: last.id };
    }
    expect(rows.map((r) => r.id)).toEqual(all.map((e) => e.id));
    const created = rows.find((r) => r.action === 'person_created')!;
    expect(created.person).toBe('Ana Silva');
    expect(created.after?.startsWith('{')).toBe(true);
    expect(JSON.parse(decodeCsvCell(created.after!)!)).toMatchObject({ display_name: '=HYPERLINK("http://evil.example")' });
    const renamed = rows.find((r) => r.action === 'person_updated' && r.before?.includes('HYPERLINK'))!;
    expect(renamed.changed_fields).toBe('department_id department_name display_name phone');
    expect(renamed.store).toBeNull();
    expect(rows.find((r) => r.action === 'store_updated')?.store).toBe('HB Harbour Front');

    // A text cell that starts like a formula is neutralised.
    const [{ id }] = (await sql<{ id: string }>(
      `insert into public.members (org_id, role, display_name, employee_id) values ($1, 'staff', '@SUM(A1)', $2) returning id`,
      [org.orgId, `Z${randomUUID().slice(0, 6)}`],
    )) as [{ id: string }];
    await callRpc(hr.client, 'admin_set_person_active', { p_member_id: id, p_active: false, p_reason: '=1+1' });
    const exported = await callRpc(hr.client, 'admin_audit_export_page', { p_filters: { member_id: id } });
    expect(exported.ok && exported.data[0]).toMatchObject({ person: "'@SUM(A1)", reason: "'=1+1", action: 'person_deactivated' });
  });
});
