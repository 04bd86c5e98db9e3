/**
 * The organisation's time zone setting (issue 13, point 4): HR and admins change the zone
 * whose days Reports count, to an IANA name Postgres knows, and the admin log says who
 * changed it from what to what. Staff and managers are refused, a bad name changes
 * nothing, and another organisation is never touched.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import { createMember, createOrg, sql, type TestMember } from './support/fixtures';

let orgId: string;
let otherOrgId: string;
let hr: TestMember;
let admin: TestMember;
let manager: TestMember;
let staff: TestMember;
let otherHr: TestMember;

const zoneOf = async (id: string) => (await sql<{ time_zone: string }>('select time_zone from public.organizations where id = $1', [id]))[0]?.time_zone;
const logRows = (id: string) =>
  sql<{ actor_member_id: string; before: unknown; after: unknown }>(
    `select actor_member_id, before, after from private.admin_audit where org_id = $1 and action = 'org_time_zone_changed' order by id`,
    [id],
  );

beforeAll(async () => {
  const org = await createOrg();
  orgId = org.orgId;
  const other = await createOrg();
  otherOrgId = other.orgId;
  await sql(`update public.organizations set time_zone = 'Europe/London' where id = any ($1::uuid[])`, [[orgId, otherOrgId]]);
  hr = await createMember({ orgId, storeId: null, departmentId: null, role: 'hr' });
  admin = await createMember({ orgId, storeId: null, departmentId: null, role: 'admin' });
  manager = await createMember({ orgId, storeId: org.storeId, role: 'manager', manages: [org.storeId] });
  staff = await createMember({ orgId, storeId: org.storeId, departmentId: org.departmentId });
  otherHr = await createMember({ orgId: otherOrgId, storeId: null, departmentId: null, role: 'hr' });
});

describe('admin_set_org_time_zone', () => {
  it('HR changes the zone: Reports count in it, the admin log says from what to what, the same zone again logs nothing', async () => {
    expect(await callRpc(hr.client, 'admin_organization', {}).then((r) => r.ok && r.data.time_zone)).toBe('Europe/London');
    const changed = await callRpc(hr.client, 'admin_set_org_time_zone', { p_time_zone: 'America/Chicago' });
    expect(changed.ok && changed.data).toMatchObject({ id: orgId, time_zone: 'America/Chicago' });
    expect(await zoneOf(orgId)).toBe('America/Chicago');
    expect(await callRpc(hr.client, 'compliance_report', {}).then((r) => r.ok && r.data.time_zone)).toBe('America/Chicago');
    expect(await logRows(orgId)).toEqual([{ actor_member_id: hr.memberId, before: { time_zone: 'Europe/London' }, after: { time_zone: 'America/Chicago' } }]);

    // The admin log as HR reads it knows the action.
    const log = await callRpc(hr.client, 'admin_audit_log', { p_filters: { action: 'org_time_zone_changed' } });
    expect(log.ok && log.data.entries.map((e) => [e.action, e.before, e.after])).toEqual([
      ['org_time_zone_changed', { time_zone: 'Europe/London' }, { time_zone: 'America/Chicago' }],
    ]);

    expect((await callRpc(admin.client, 'admin_set_org_time_zone', { p_time_zone: 'America/Chicago' })).ok).toBe(true);
    expect(await logRows(orgId)).toHaveLength(1);
    const byAdmin = await callRpc(admin.client, 'admin_set_org_time_zone', { p_time_zone: ' Asia/Tokyo ' });
    expect(byAdmin.ok && byAdmin.data.time_zone).toBe('Asia/Tokyo');
    expect((await logRows(orgId)).at(-1)).toEqual({
      actor_member_id: admin.memberId,
      before: { time_zone: 'America/Chicago' },
      after: { time_zone: 'Asia/Tokyo' },
    });
    // Another organisation is never touched.
    expect(await zoneOf(otherOrgId)).toBe('Europe/London');
    expect(await logRows(otherOrgId)).toEqual([]);
  });

  it('refuses a name Postgres does not know and changes nothing', async () => {
    const before = await zoneOf(orgId);
    const rows = (await logRows(orgId)).length;
    for (const zone of ['Mars/Olympus_Mons', 'UTC+3', '', 'europe/london']) {
      const outcome = await callRpc(hr.client, 'admin_set_org_time_zone', { p_time_zone: zone });
      expect(!outcome.ok && outcome.error, zone).toMatchObject({ code: '22023', details: 'invalid_time_zone' });
    }
    expect(await zoneOf(orgId)).toBe(before);
    expect(await logRows(orgId)).toHaveLength(rows);
  });

  it('refuses managers and staff, for setting and reading; another organisation’s HR changes only their own', async () => {
    const before = await zoneOf(orgId);
    for (const member of [manager, staff]) {
      const set = await callRpc(member.client, 'admin_set_org_time_zone', { p_time_zone: 'Pacific/Auckland' });
      expect(!set.ok && set.error).toMatchObject({ code: '42501', details: 'forbidden' });
      const read = await callRpc(member.client, 'admin_organization', {});
      expect(!read.ok && read.error).toMatchObject({ code: '42501', details: 'forbidden' });
    }
    const other = await callRpc(otherHr.client, 'admin_set_org_time_zone', { p_time_zone: 'Pacific/Auckland' });
    expect(other.ok && other.data).toMatchObject({ id: otherOrgId, time_zone: 'Pacific/Auckland' });
    expect(await zoneOf(orgId)).toBe(before);
    expect(await zoneOf(otherOrgId)).toBe('Pacific/Auckland');
    expect((await logRows(orgId)).some((r) => JSON.stringify(r.after).includes('Auckland'))).toBe(false);
  });
});
