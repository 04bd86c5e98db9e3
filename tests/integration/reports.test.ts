/**
 * Report and account RPCs on an organisation of their own, so every number is
 * exact: compose_directory, compliance_report (HR from the tallies, managers
 * counted directly: both must agree), audit_export as streamed CSV,
 * set_my_locale, and "what changed" in sync_pull. Each role rule is tried as
 * the user who should be refused.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import { AUDIT_EXPORT_COLUMNS, type ComplianceReport } from '../../src/data/supabase/types';
import { parseCsv } from '../support/csv';
import {
  ackOf,
  briefingVersion,
  createMember,
  createOrg,
  DEMO,
  mutation,
  publishBriefing,
  pullAll,
  pullBriefings,
  push,
  signIn,
  sql,
  type TestMember,
} from './support/fixtures';

interface Org {
  orgId: string;
  harbour: string;
  pier: string;
  floor: string;
  till: string;
}
let org: Org;
let hr: TestMember;
let managerA: TestMember;
let managerB: TestMember;
let a1: TestMember;
let a2: TestMember;
let a3: TestMember;
let b1: TestMember;
let b2: TestMember;
let x1: TestMember;
const briefing = { p1: '', p2: '', s1: '', n1: '', r1: '' };

const hour = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

async function ack(member: TestMember, briefingId: string): Promise<void> {
  const [result] = await push(member.client, [ackOf(briefingId, await briefingVersion(briefingId))]);
  expect(result?.status, `ack by ${member.email}`).toBe('applied');
}

async function report(client: SupabaseClient, days = 30): Promise<ComplianceReport> {
  const outcome = await callRpc(client, 'compliance_report', { p_days: days });
  if (!outcome.ok) throw new Error(`compliance_report failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}

/** Counting acknowledgements per briefing of an organisation, from scratch and from the tallies. */
async function recountByBriefing(orgId: string): Promise<{ briefing_id: string; n: string }[]> {
  return sql(
    `select k.briefing_id, count(*) as n from public.acknowledgements k
              join public.briefings b on b.id = k.briefing_id join public.members m on m.id = k.member_id
              where b.org_id = $1 and private.ack_counts(b, m, k.version) group by 1 order by 1`,
    [orgId],
  );
}
async function talliedByBriefing(orgId: string): Promise<{ briefing_id: string; n: string }[]> {
  return sql(
    `select t.briefing_id, sum(t.n) as n from private.ack_tally_daily t join public.briefings b on b.id = t.briefing_id
              where b.org_id = $1 group by 1 having sum(t.n) <> 0 order by 1`,
    [orgId],
  );
}

function httpStatus(outcome: { ok: boolean; error?: unknown }): number | null {
  const error = outcome.error as { kind?: string; status?: number } | undefined;
  return !outcome.ok && error?.kind === 'http' ? (error.status ?? null) : null;
}

/**
 * Final state the numbers below follow from (members with a store count;
 * hr has none, x1 is deactivated after acknowledging, b2 moved Pier -> Harbour
 * after acknowledging P1):
 *   Harbour: managerA, a1 (Floor), a2 (Floor), a3 (Till), b2 (Till)
 *   Pier:    managerB, b1 (Floor)
 *   P1 org-wide, due an hour ago: acked by a1, a2, b1, b2 (+ x1, hr: not counted)
 *   P2 org-wide for Floor, due in a week: acked by a1
 *   S1 Harbour shift briefing by managerA (not its own audience): a1 and a2 acked v1, then it was edited; a1 acked v2
 *   N1 needs no acknowledgement, R1 was retracted: neither is reported
 */
beforeAll(async () => {
  const base = await createOrg();
  const [pier] = await sql<{ id: string }>(`insert into public.stores (org_id, name, time_zone) values ($1, 'Pier', 'UTC') returning id`, [base.orgId]);
  const [till] = await sql<{ id: string }>(`insert into public.departments (org_id, name) values ($1, 'Till') returning id`, [base.orgId]);
  org = { orgId: base.orgId, harbour: base.storeId, pier: pier!.id, floor: base.departmentId, till: till!.id };
  const staff = (storeId: string, departmentId: string) => createMember({ orgId: org.orgId, storeId, departmentId });
  [hr, managerA, managerB, a1, a2, a3, b1, b2, x1] = await Promise.all([
    createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: org.orgId, storeId: org.harbour, departmentId: null, role: 'manager', manages: [org.harbour] }),
    createMember({ orgId: org.orgId, storeId: org.pier, departmentId: null, role: 'manager', manages: [org.pier] }),
    staff(org.harbour, org.floor),
    staff(org.harbour, org.floor),
    staff(org.harbour, org.till),
    staff(org.pier, org.floor),
    staff(org.pier, org.till),
    staff(org.harbour, org.floor),
  ]);

  briefing.p1 = await publishBriefing(hr.client, { kind: 'policy', title: 'Cash handling', body: 'Count twice.', ack_due_at: iso(-hour) });
  briefing.p2 = await publishBriefing(hr.client, {
    kind: 'policy',
    title: 'Floor safety',
    body: 'Keep aisles clear.',
    department_ids: [org.floor],
    ack_due_at: iso(7 * 24 * hour),
  });
  briefing.s1 = await publishBriefing(managerA.client, { title: 'Delivery at 9', body: 'Bay two.', store_ids: [org.harbour] });
  briefing.n1 = await publishBriefing(hr.client, { title: 'Newsletter', body: 'Hello.', requires_ack: false });
  briefing.r1 = await publishBriefing(hr.client, { kind: 'policy', title: 'Withdrawn', body: 'Ignore.' });

  for (const m of [a1, a2, b1, b2, x1, hr]) await ack(m, briefing.p1);
  await ack(a1, briefing.p2);
  await ack(a1, briefing.s1);
  await ack(a2, briefing.s1);
  await ack(a1, briefing.r1);
  const [edit] = await push(managerA.client, [
    mutation('briefing', {
      action: 'edit',
      briefing_id: briefing.s1,
      title: 'Delivery at 10',
      body: 'Bay three.',
      store_ids: [org.harbour],
      requires_ack: true,
      base_version: 1,
    }),
  ]);
  expect(edit?.status).toBe('applied');
  await ack(a1, briefing.s1);
  expect((await push(hr.client, [mutation('briefing', { action: 'retract', briefing_id: briefing.r1 })]))[0]?.status).toBe('applied');
  await sql('update public.members set active = false where id = $1', [x1.memberId]);
  await sql('update public.members set store_id = $2 where id = $1', [b2.memberId, org.harbour]);
});

describe('compose_directory', () => {
  it('gives a manager their stores, the departments, roles and member counts to size any audience', async () => {
    const outcome = await callRpc(managerA.client, 'compose_directory', {});
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    expect(outcome.data.stores).toEqual([{ id: org.harbour, name: 'Harbour', time_zone: 'Europe/London' }]);
    expect(outcome.data.departments).toEqual([
      { id: org.floor, name: 'Floor' },
      { id: org.till, name: 'Till' },
    ]);
    expect(outcome.data.roles).toEqual(['staff', 'manager', 'hr', 'admin']);
    const byKey = (rows: typeof outcome.data.reach) => Object.fromEntries(rows.map((r) => [`${r.store_id}/${r.department_id}/${r.role}`, r.members]));
    expect(byKey(outcome.data.reach)).toEqual({
      [`${org.harbour}/null/manager`]: 1,
      [`${org.harbour}/${org.floor}/staff`]: 2,
      [`${org.harbour}/${org.till}/staff`]: 2,
    });
    const ofHr = await callRpc(hr.client, 'compose_directory', {});
    expect(ofHr.ok && ofHr.data.stores.map((s) => s.name)).toEqual(['Harbour', 'Pier']);
    expect(ofHr.ok && ofHr.data.reach.reduce((n, r) => n + r.members, 0)).toBe(7);
  });

  it('refuses staff, and shows another organisation nothing of this one', async () => {
    expect(httpStatus(await callRpc(a1.client, 'compose_directory', {}))).toBe(403);
    const outcome = await callRpc(await signIn(DEMO.hr), 'compose_directory', {});
    const ids = outcome.ok ? [...outcome.data.stores.map((s) => s.id), ...outcome.data.departments.map((d) => d.id)] : [];
    expect(ids).not.toContain(org.harbour);
    expect(ids).not.toContain(org.floor);
  });
});

describe('compliance_report', () => {
  it('HR: by briefing, by store, overdue people and per day, exactly', async () => {
    const r = await report(hr.client);
    // managerA wrote S1 and is not its audience (issue 13): S1 counts Harbour's four others.
    expect(r).toMatchObject({ days: 30, total: 14, acked: 6, overdue: 3, rate: 0.4286, briefing_count: 3, store_count: 2 });
    // Worst first: most overdue, then lowest rate.
    expect(r.by_briefing.map(({ id, version, total, acked, overdue }) => ({ id, version, total, acked, overdue }))).toEqual([
      { id: briefing.p1, version: 1, total: 7, acked: 4, overdue: 3 },
      { id: briefing.s1, version: 2, total: 4, acked: 1, overdue: 0 },
      { id: briefing.p2, version: 1, total: 3, acked: 1, overdue: 0 },
    ]);
    expect(r.by_briefing[0]).toMatchObject({ title: 'Cash handling', kind: 'policy' });
    expect(r.by_store).toEqual([
      { store_id: org.pier, name: 'Pier', total: 3, acked: 1 },
      { store_id: org.harbour, name: 'Harbour', total: 11, acked: 5 },
    ]);
    expect(r.next).toEqual({ briefings: null, stores: null });
    expect(r.overdue_people.map((p) => p.member_id).sort()).toEqual([managerA.memberId, a3.memberId, managerB.memberId].sort());
    const names = r.overdue_people.map((p) => p.display_name);
    expect(names).toEqual([...names].sort());
    expect(r.overdue_people.every((p) => p.briefing_id === briefing.p1 && p.title === 'Cash handling')).toBe(true);
    expect(r.overdue_people.find((p) => p.member_id === managerB.memberId)?.store_name).toBe('Pier');
    expect(r.daily).toHaveLength(30);
    expect(r.daily.at(-1)!.day).toBe(r.last_day);
    expect(r.daily.reduce((n, d) => n + d.acked, 0)).toBe(6);
    expect(r.daily.at(-1)!.cumulative).toBe(6);
  });

  it('a manager sees only their stores, with the same numbers HR sees there', async () => {
    const a = await report(managerA.client);
    expect(a).toMatchObject({ total: 11, acked: 5, overdue: 2 });
    expect(a.by_store).toEqual([{ store_id: org.harbour, name: 'Harbour', total: 11, acked: 5 }]);
    expect(a.by_briefing.map((b) => [b.id, b.total, b.acked])).toEqual([
      [briefing.p1, 5, 3],
      [briefing.s1, 4, 1],
      [briefing.p2, 2, 1],
    ]);
    expect(a.overdue_people.map((p) => p.member_id).sort()).toEqual([managerA.memberId, a3.memberId].sort());
    const b = await report(managerB.client);
    expect(b).toMatchObject({ total: 3, acked: 1, overdue: 1 });
    expect(b.by_briefing.map((x) => x.id)).toEqual([briefing.p1, briefing.p2]);
    expect(b.by_store.map((s) => s.name)).toEqual(['Pier']);
    expect(b.daily.reduce((n, d) => n + d.acked, 0)).toBe(1);
  });

  it('the tallies HR reads equal a recount from the acknowledgements', async () => {
    expect(await talliedByBriefing(org.orgId)).toEqual(await recountByBriefing(org.orgId));
    const byStore = await sql<{ store_id: string; n: string }>(
      `select t.store_id, sum(t.n) as n from private.ack_tally_store t where t.store_id = any ($1) group by 1 having sum(t.n) <> 0 order by 1`,
      [[org.harbour, org.pier]],
    );
    expect(byStore).toEqual(
      [
        { store_id: org.harbour, n: '5' },
        { store_id: org.pier, n: '1' },
      ].sort((x, y) => x.store_id.localeCompare(y.store_id)),
    );
  });

  it('a shorter window drops briefings published before it unless they are still due', async () => {
    const saved = await sql<{ id: string; publish_at: Date; ack_due_at: Date }>(
      'select id, publish_at, ack_due_at from public.briefings where id in ($1, $2)',
      [briefing.p1, briefing.p2],
    );
    await sql(
      `update public.briefings set publish_at = now() - interval '10 days',
                 ack_due_at = case when id = $1 then now() - interval '2 days' else ack_due_at end
               where id in ($1, $2)`,
      [briefing.p1, briefing.p2],
    );
    try {
      const r = await report(hr.client, 3);
      expect(r.by_briefing.map((b) => b.id)).toEqual([briefing.s1, briefing.p2]);
      expect(r).toMatchObject({ total: 7, acked: 2, overdue: 0 });
      expect(r.by_store.reduce((n, s) => n + s.acked, 0)).toBe(2);
      expect((await report(managerA.client, 3)).by_briefing.map((b) => [b.id, b.acked])).toEqual([
        [briefing.s1, 1],
        [briefing.p2, 1],
      ]);
    } finally {
      for (const b of saved) {
        await sql('update public.briefings set publish_at = $2, ack_due_at = $3 where id = $1', [b.id, b.publish_at, b.ack_due_at]);
      }
    }
    expect((await report(hr.client)).acked).toBe(6);
  });

  it("refuses staff and bad windows; another organisation's HR sees none of this one", async () => {
    expect(httpStatus(await callRpc(a1.client, 'compliance_report', {}))).toBe(403);
    const bad = await callRpc(hr.client, 'compliance_report', { p_days: 0 });
    expect(!bad.ok && bad.error.kind === 'http' && [bad.error.status, bad.error.details]).toEqual([400, 'invalid_days']);
    const demo = await report(await signIn(DEMO.hr));
    expect(demo.by_briefing.map((b) => b.id)).not.toContain(briefing.p1);
    expect(demo.by_store.map((s) => s.store_id)).not.toContain(org.harbour);
  });
});

describe('compliance_report filters (issue 13)', () => {
  const filtered = async (client: SupabaseClient, filters: { p_store_id?: string; p_department_id?: string }) => {
    const outcome = await callRpc(client, 'compliance_report', { p_days: 30, ...filters });
    if (!outcome.ok) throw new Error(`compliance_report failed: ${JSON.stringify(outcome.error)}`);
    return outcome.data;
  };
  const numbers = (r: ComplianceReport) => ({
    total: r.total,
    acked: r.acked,
    overdue: r.overdue,
    by_briefing: r.by_briefing.map((b) => [b.id, b.total, b.acked, b.overdue]),
    by_store: r.by_store,
    overdue_people: r.overdue_people.map((p) => p.member_id).sort(),
  });

  it("HR narrowed to one store counts exactly what that store's manager sees", async () => {
    const pier = await filtered(hr.client, { p_store_id: org.pier });
    expect(pier).toMatchObject({ store_id: org.pier, department_id: null, total: 3, acked: 1, overdue: 1 });
    expect(numbers(pier)).toEqual(numbers(await report(managerB.client)));
    expect(numbers(await filtered(managerA.client, { p_store_id: org.harbour }))).toEqual(numbers(await report(managerA.client)));
  });

  it('one department: its members only, in every store, for HR and within a manager’s stores', async () => {
    const floor = await filtered(hr.client, { p_department_id: org.floor });
    // Floor: a1, a2 (Harbour), b1 (Pier). P1: 3, all acked; P2: 3, a1 acked; S1 (Harbour): a1, a2, a1 acked v2.
    expect(floor).toMatchObject({ department_id: org.floor, total: 8, acked: 5, overdue: 0 });
    expect(floor.by_store).toEqual([
      { store_id: org.pier, name: 'Pier', total: 2, acked: 1 },
      { store_id: org.harbour, name: 'Harbour', total: 6, acked: 4 },
    ]);
    const till = await filtered(managerA.client, { p_department_id: org.till });
    // Till in Harbour: a3, b2. P1: both, b2 acked, due: a3 overdue; S1: both, neither acked.
    expect(till).toMatchObject({ total: 4, acked: 1, overdue: 1 });
    expect(till.overdue_people.map((p) => p.member_id)).toEqual([a3.memberId]);
    const pages = await callRpc(hr.client, 'compliance_stores', { p_days: 30, p_department_id: org.floor, p_limit: 1 });
    expect(pages.ok && pages.data.stores).toEqual([floor.by_store[0]]);
    const briefings = await callRpc(hr.client, 'compliance_briefings', { p_days: 30, p_store_id: org.pier });
    expect(briefings.ok && briefings.data.briefings.map((b) => b.id).sort()).toEqual([briefing.p1, briefing.p2].sort());
  });

  it("refuses a store the manager does not run and another organisation's department, as unknown", async () => {
    const other = await callRpc(managerA.client, 'compliance_report', { p_store_id: org.pier });
    expect(!other.ok && other.error.kind === 'http' && [other.error.status, other.error.details]).toEqual([403, 'unknown_store']);
    const paged = await callRpc(managerA.client, 'compliance_briefings', { p_store_id: org.pier });
    expect(httpStatus(paged)).toBe(403);
    const demoHr = await signIn(DEMO.hr);
    expect(httpStatus(await callRpc(demoHr, 'compliance_report', { p_store_id: org.harbour }))).toBe(403);
    const foreign = await callRpc(demoHr, 'compliance_report', { p_department_id: org.floor });
    expect(!foreign.ok && foreign.error.kind === 'http' && foreign.error.details).toBe('unknown_department');
    expect(httpStatus(await callRpc(a1.client, 'compliance_report', { p_store_id: org.harbour }))).toBe(403);
  });
});

describe('audit_export', () => {
  it('streams every acknowledgement as CSV with the exact version and hash acknowledged', async () => {
    const { data, error, status } = await hr.client.rpc('audit_export', {}).csv();
    expect(error).toBeNull();
    expect(status).toBe(200);
    const [header, ...rows] = parseCsv(data as unknown as string);
    expect(header).toEqual([...AUDIT_EXPORT_COLUMNS]);
    expect(rows).toHaveLength(11);
    const col = Object.fromEntries(AUDIT_EXPORT_COLUMNS.map((c, i) => [c, i])) as Record<(typeof AUDIT_EXPORT_COLUMNS)[number], number>;
    const received = rows.map((r) => Date.parse(r[col.received_by_server_at]!));
    expect(received).toEqual([...received].sort((x, y) => x - y));

    const versions = await sql<{ version: number; title: string; content_hash: string }>(
      'select version, title, content_hash from public.briefing_versions where briefing_id = $1 order by version',
      [briefing.s1],
    );
    const a1Rows = rows.filter((r) => r[col.employee_email] === a1.email && r[col.briefing]!.startsWith('Delivery at'));
    expect(a1Rows.map((r) => [r[col.briefing], Number(r[col.version]), r[col.content_hash], r[col.store]])).toEqual(
      versions.map((v) => [v.title, v.version, v.content_hash, 'Harbour']),
    );
    expect(new Date(a1Rows[0]![col.acked_on_device_at]!).getTime()).toBeLessThanOrEqual(new Date(a1Rows[0]![col.received_by_server_at]!).getTime());
    const hrRow = rows.find((r) => r[col.employee_email] === hr.email);
    expect(hrRow?.[col.store]).toBe('');

    const count = await callRpc(hr.client, 'audit_export_count', {});
    expect(count.ok && count.data).toBe(11);
  });

  it('takes a half-open range of received times', async () => {
    const [mid] = await sql<{ t: Date }>(
      `select k.received_at as t from public.acknowledgements k join public.briefings b on b.id = k.briefing_id
       where b.id = $1 and k.version = 2`,
      [briefing.s1],
    );
    const range = { p_from: mid!.t.toISOString(), p_to: null };
    const { data } = await hr.client.rpc('audit_export', range).csv();
    const rows = parseCsv(data as unknown as string).slice(1);
    const count = await callRpc(hr.client, 'audit_export_count', range);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(count.ok && count.data).toBe(rows.length);
    const none = await hr.client.rpc('audit_export', { p_from: iso(hour) }).csv();
    expect(parseCsv(none.data as unknown as string)).toEqual([[...AUDIT_EXPORT_COLUMNS]]);
  });

  it("is HR only: staff and managers get 403; another organisation's HR gets only theirs", async () => {
    for (const member of [a1, managerA]) {
      const { error, status } = await member.client.rpc('audit_export', {}).csv();
      expect(status, member.email).toBe(403);
      expect(error?.details).toBe('forbidden');
      expect(httpStatus(await callRpc(member.client, 'audit_export_count', {}))).toBe(403);
    }
    const { data, status } = await (await signIn(DEMO.hr)).rpc('audit_export', {}).csv();
    expect(status).toBe(200);
    expect(data as unknown as string).not.toContain(a1.email);
  });
});

describe('set_my_locale', () => {
  it("sets the caller's own locale; the next pull carries it", async () => {
    const member = await createMember({ orgId: org.orgId, storeId: org.pier, departmentId: org.floor });
    const before = await pullAll(member.client);
    const outcome = await callRpc(member.client, 'set_my_locale', { p_locale: 'es' });
    expect(outcome.ok && [outcome.data.member_id, outcome.data.locale]).toEqual([member.memberId, 'es']);
    const after = await pullAll(member.client, 500, before.cursor);
    expect(after.pages.at(-1)!.me.locale).toBe('es');
    expect(await sql('select locale from public.members where id = $1', [member.memberId])).toEqual([{ locale: 'es' }]);
  });

  it('refuses anything but en and es, and changes nothing', async () => {
    const member = await createMember({ orgId: org.orgId, storeId: org.pier, departmentId: org.floor });
    for (const p_locale of ['fr', '', 'EN']) {
      const outcome = await callRpc(member.client, 'set_my_locale', { p_locale: p_locale as 'en' });
      expect(!outcome.ok && outcome.error.kind === 'http' && [outcome.error.status, outcome.error.details]).toEqual([400, 'invalid_locale']);
    }
    const { status } = await member.client.rpc('set_my_locale', { p_locale: null });
    expect(status).toBe(400);
    expect(await sql('select locale from public.members where id = $1', [member.memberId])).toEqual([{ locale: 'en' }]);
  });
});

describe('what changed', () => {
  it('an edited briefing carries the text it replaced; a first version carries none', async () => {
    const pulled = await pullBriefings(a1.client);
    const s1 = pulled.find((b) => b.id === briefing.s1);
    expect(s1).toMatchObject({ version: 2, title: 'Delivery at 10', previous: { version: 1, title: 'Delivery at 9', body: 'Bay two.' } });
    expect(pulled.find((b) => b.id === briefing.p2)?.previous).toBeNull();
  });

  it('after a second edit, previous is version 2', async () => {
    const id = await publishBriefing(managerA.client, { store_ids: [org.harbour], title: `Rota ${randomUUID().slice(0, 4)}`, body: 'One.' });
    for (const [body, base] of [
      ['Two.', 1],
      ['Three.', 2],
    ] as const) {
      const [edit] = await push(managerA.client, [
        mutation('briefing', { action: 'edit', briefing_id: id, title: 'Rota', body, store_ids: [org.harbour], base_version: base }),
      ]);
      expect(edit?.status).toBe('applied');
    }
    const b = (await pullBriefings(a2.client)).find((x) => x.id === id);
    expect(b).toMatchObject({ version: 3, body: 'Three.', previous: { version: 2, title: 'Rota', body: 'Two.' } });
  });
});

describe('tallies in one transaction with the change they depend on', () => {
  it('an acknowledgement pushed in the same batch before or after an edit counts only for the version it names', async () => {
    const other = await createOrg();
    const boss = await createMember({ orgId: other.orgId, storeId: other.storeId, departmentId: null, role: 'manager', manages: [other.storeId] });
    const chief = await createMember({ orgId: other.orgId, storeId: null, departmentId: null, role: 'hr' });
    // HR writes them, so the store's manager who edits and acknowledges is their audience (an author is not).
    const before = await publishBriefing(chief.client, { store_ids: [other.storeId], title: 'Before', body: 'v1' });
    const after = await publishBriefing(chief.client, { store_ids: [other.storeId], title: 'After', body: 'v1' });
    const edit = (id: string, title: string) =>
      mutation('briefing', {
        action: 'edit',
        briefing_id: id,
        title,
        body: 'v2',
        store_ids: [other.storeId],
        requires_ack: true,
        base_version: 1,
      });
    const v1 = await briefingVersion(before);
    // The hash the server will give "After" v2: SHA-256 of title, newline, body.
    const afterV2 = { version: 2, content_hash: createHash('sha256').update('After\nv2').digest('hex') };
    const results = await push(boss.client, [ackOf(before, v1), edit(before, 'Before'), edit(after, 'After'), ackOf(after, afterV2)]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(await talliedByBriefing(other.orgId)).toEqual(await recountByBriefing(other.orgId));
    const r = await report(chief.client);
    expect(r.by_briefing.map((b) => [b.id, b.version, b.total, b.acked]).sort()).toEqual(
      [
        [after, 2, 1, 1],
        [before, 2, 1, 0],
      ].sort(),
    );
    await sql('update public.members set role = $2, store_id = null where id = $1', [boss.memberId, 'hr']);
    expect(await talliedByBriefing(other.orgId)).toEqual([]);
    expect(await recountByBriefing(other.orgId)).toEqual([]);
  });
});
