/**
 * The compliance report bounded (#14 item 3): compliance_report answers the
 * totals, the rate over time and the worst p_limit rows of each list with their
 * full counts; compliance_briefings and compliance_stores page through the rest.
 * On an organisation of its own with six stores, the pages together must be
 * exactly the one-call report as it was before paging (its migration's
 * function, recreated inside a rolled-back transaction and called as the same
 * user), and each answer bounded: rows <= p_limit, and a summary whose size
 * does not grow with the number of stores.
 */
import { readFileSync } from 'node:fs';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import type { ComplianceReport, RpcArgs, RpcName, RpcResult } from '../../src/data/supabase/types';
import { ackOf, briefingVersion, createMember, createOrg, db, publishBriefing, push, sql, type TestMember } from './support/fixtures';

type Before = Omit<ComplianceReport, 'briefing_count' | 'store_count' | 'next'>;
type StoreRow = ComplianceReport['by_store'][number];
type BriefingRow = ComplianceReport['by_briefing'][number];

const hour = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const STORES = ['Bay', 'Cove', 'Dock', 'Harbour', 'Pier', 'Quay'] as const;
type Store = (typeof STORES)[number];

let orgId: string;
let hr: TestMember;
let manager: TestMember;
let staff: Record<Store, [TestMember, TestMember]>;
const briefing = { p1: '', p2: '', t1: '', t2: '' };

/** The report's function from before paging, under another name, for the caller's transaction only. */
const BEFORE_SQL = (() => {
  const text = readFileSync(new URL('../../supabase/migrations/20261122101300_create_compliance_report.sql', import.meta.url), 'utf8');
  const start = text.indexOf('create function public.compliance_report(');
  const end = text.indexOf('end $$;', start) + 'end $$;'.length;
  return text.slice(start, end).replace('public.compliance_report(', 'public.compliance_report_before(');
})();

/** Today's answer, from the function as it was before paging, seen by the member `userId` as an API call would. */
async function before(userId: string, days = 30): Promise<Before> {
  const client = await db().connect();
  try {
    await client.query('begin');
    await client.query(BEFORE_SQL);
    await client.query('grant execute on function public.compliance_report_before(int) to authenticated');
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: userId, role: 'authenticated' })]);
    await client.query(`set local role authenticated`);
    const { rows } = await client.query<{ r: Before }>('select public.compliance_report_before($1) as r', [days]);
    return rows[0]!.r;
  } finally {
    await client.query('rollback');
    client.release();
  }
}

async function call<N extends RpcName>(client: SupabaseClient, name: N, args: RpcArgs[N]): Promise<RpcResult<N>> {
  const outcome = await callRpc(client, name, args);
  if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}

/** The summary, then every following page of each list; every page checked against p_limit. */
async function walk(client: SupabaseClient, limit: number, days = 30) {
  const summary = await call(client, 'compliance_report', { p_days: days, p_limit: limit });
  expect(summary.by_store.length).toBe(Math.min(limit, summary.store_count));
  expect(summary.by_briefing.length).toBe(Math.min(limit, summary.briefing_count));
  const stores: StoreRow[] = [...summary.by_store];
  for (let key = summary.next.stores; key; ) {
    const page = await call(client, 'compliance_stores', {
      p_days: days,
      p_after_acked: key.acked,
      p_after_total: key.total,
      p_after_name: key.name,
      p_after_store_id: key.store_id,
      p_limit: limit,
    });
    expect(page.stores.length).toBeGreaterThan(0);
    expect(page.stores.length).toBeLessThanOrEqual(limit);
    stores.push(...page.stores);
    key = page.next;
  }
  const briefings: BriefingRow[] = [...summary.by_briefing];
  for (let key = summary.next.briefings; key; ) {
    const page = await call(client, 'compliance_briefings', {
      p_days: days,
      p_after_overdue: key.overdue,
      p_after_acked: key.acked,
      p_after_total: key.total,
      p_after_id: key.id,
      p_limit: limit,
    });
    expect(page.briefings.length).toBeGreaterThan(0);
    expect(page.briefings.length).toBeLessThanOrEqual(limit);
    briefings.push(...page.briefings);
    key = page.next;
  }
  return { summary, stores, briefings };
}

const byId = <T extends { id: string } | { store_id: string }>(rows: readonly T[]) =>
  [...rows].sort((x, y) => ('id' in x ? x.id : x.store_id).localeCompare('id' in y ? (y as { id: string }).id : (y as { store_id: string }).store_id));

/** The pages of a walk together are today's answer: same totals, same rows, worst first. */
async function expectSameAsBefore(member: TestMember, limit: number, storeOrder: Store[], briefingOrder: string[]) {
  const { summary, stores, briefings } = await walk(member.client, limit);
  const whole = await before(member.userId);
  const { by_store, by_briefing, ...totals } = whole;
  // The filters and the organisation's time zone (issue 13) are new: unfiltered here, and UTC, as the report before them.
  const { by_store: _s, by_briefing: _b, next: _n, store_count, briefing_count, store_id, department_id, time_zone, ...summaryTotals } = summary;
  expect([store_id, department_id, time_zone]).toEqual([null, null, 'UTC']);
  expect(summaryTotals).toEqual(totals);
  expect([store_count, briefing_count]).toEqual([by_store.length, by_briefing.length]);
  expect(byId(stores)).toEqual(byId(by_store));
  expect(byId(briefings)).toEqual(byId(by_briefing));
  expect(stores.map((s) => s.name)).toEqual(storeOrder);
  expect(briefings.map((b) => b.id)).toEqual(briefingOrder);
}

/**
 * Two Floor staff in each store; the manager works at Dock and manages Dock
 * and Harbour. Acknowledgements (store totals over P1, P2 for everyone, T1 for
 * Bay and Cove, T2 for Dock):
 *   Harbour 1/4, Dock 3/9, Cove 3/6, Pier 2/4, Quay 2/4, Bay 4/6
 * so stores worst first are Harbour, Dock, then Cove, Pier, Quay tied at a half
 * (by name), then Bay; briefings: P1 (6 overdue), T1 (1 overdue), P2 (3/13), T2 (2/3).
 */
beforeAll(async () => {
  const org = await createOrg();
  orgId = org.orgId;
  const ids: Record<string, string> = { Harbour: org.storeId };
  for (const name of STORES.filter((n) => n !== 'Harbour')) {
    const [row] = await sql<{ id: string }>(`insert into public.stores (org_id, name, time_zone) values ($1, $2, 'UTC') returning id`, [orgId, name]);
    ids[name] = row!.id;
  }
  const pair = async (name: Store) =>
    Promise.all([0, 1].map(() => createMember({ orgId, storeId: ids[name]!, departmentId: org.departmentId }))) as Promise<[TestMember, TestMember]>;
  const pairs = await Promise.all(STORES.map(pair));
  staff = Object.fromEntries(STORES.map((name, i) => [name, pairs[i]!])) as typeof staff;
  [hr, manager] = await Promise.all([
    createMember({ orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId, storeId: ids.Dock!, departmentId: null, role: 'manager', manages: [ids.Dock!, ids.Harbour!] }),
  ]);
  briefing.p1 = await publishBriefing(hr.client, { kind: 'policy', title: 'P1', body: 'Due already.', ack_due_at: iso(-hour) });
  briefing.p2 = await publishBriefing(hr.client, { kind: 'policy', title: 'P2', body: 'Due next week.', ack_due_at: iso(7 * 24 * hour) });
  briefing.t1 = await publishBriefing(hr.client, {
    kind: 'policy',
    title: 'T1',
    body: 'Bay and Cove.',
    store_ids: [ids.Bay!, ids.Cove!],
    ack_due_at: iso(-hour),
  });
  briefing.t2 = await publishBriefing(hr.client, { title: 'T2', body: 'Dock only.', store_ids: [ids.Dock!] });

  const acks: [Store, 0 | 1, keyof typeof briefing][] = [
    ['Bay', 0, 'p1'],
    ['Bay', 1, 'p1'],
    ['Cove', 0, 'p1'],
    ['Dock', 0, 'p1'],
    ['Pier', 0, 'p1'],
    ['Pier', 1, 'p1'],
    ['Quay', 0, 'p1'],
    ['Bay', 0, 'p2'],
    ['Harbour', 0, 'p2'],
    ['Quay', 1, 'p2'],
    ['Bay', 1, 't1'],
    ['Cove', 0, 't1'],
    ['Cove', 1, 't1'],
    ['Dock', 0, 't2'],
    ['Dock', 1, 't2'],
  ];
  const versions = Object.fromEntries(await Promise.all(Object.entries(briefing).map(async ([k, id]) => [k, await briefingVersion(id)] as const)));
  await Promise.all(
    acks.map(async ([store, i, b]) => {
      const [result] = await push(staff[store][i].client, [ackOf(briefing[b], versions[b]!)]);
      expect(result?.status).toBe('applied');
    }),
  );
});

describe('compliance report in bounded calls', () => {
  it("HR: the summary and the pages together are today's whole answer, worst first, in pages of 1, 2 and 200", async () => {
    for (const limit of [1, 2, 200]) {
      await expectSameAsBefore(hr, limit, ['Harbour', 'Dock', 'Cove', 'Pier', 'Quay', 'Bay'], [briefing.p1, briefing.t1, briefing.p2, briefing.t2]);
    }
    const summary = await call(hr.client, 'compliance_report', { p_limit: 2 });
    expect(summary).toMatchObject({ store_count: 6, briefing_count: 4, total: 33, acked: 15, overdue: 7 });
    expect(summary.next.stores).toEqual({ acked: 3, total: 9, name: 'Dock', store_id: summary.by_store[1]!.store_id });
    expect(summary.next.briefings).toEqual({ overdue: 1, acked: 3, total: 4, id: briefing.t1 });
    expect((await call(hr.client, 'compliance_report', { p_limit: 6 })).next).toEqual({ stores: null, briefings: null });
  });

  it('a manager pages through their stores only, with the numbers the whole report gave them', async () => {
    for (const limit of [1, 200]) {
      await expectSameAsBefore(manager, limit, ['Harbour', 'Dock'], [briefing.p1, briefing.p2, briefing.t2]);
    }
  });

  it('the summary stays the same size however many stores have audience', async () => {
    const other = await createOrg();
    const chief = await createMember({ orgId: other.orgId, storeId: null, departmentId: null, role: 'hr' });
    const addStores = (from: number, count: number) =>
      sql(
        `with s as (
         insert into public.stores (org_id, name, time_zone)
         select $1, 'Extra ' || lpad(g::text, 4, '0'), 'UTC' from generate_series($2::int, $2::int + $3::int - 1) g returning id),
       u as (select s.id as store_id, gen_random_uuid() as user_id from s),
       a as (
         insert into auth.users (instance_id, id, aud, role, email, encrypted_password, created_at, updated_at,
                                 confirmation_token, recovery_token, email_change, email_change_token_new)
         select '00000000-0000-0000-0000-000000000000', u.user_id, 'authenticated', 'authenticated',
                't-' || u.user_id || '@test.invalid', '', now(), now(), '', '', '', '' from u returning id)
       insert into public.members (user_id, org_id, store_id, role, display_name, email)
       select u.user_id, $1, u.store_id, 'staff', 'Extra', 't-' || u.user_id || '@test.invalid' from u join a on a.id = u.user_id`,
        [other.orgId, from, count],
      );
    await addStores(1, 3);
    await publishBriefing(chief.client, { kind: 'policy', title: 'Everyone', body: 'Read me.' });
    const small = await call(chief.client, 'compliance_report', { p_limit: 2 });
    await addStores(4, 300);
    const large = await call(chief.client, 'compliance_report', { p_limit: 2 });
    expect([small.store_count, large.store_count]).toEqual([3, 303]);
    expect(large.by_store).toHaveLength(2);
    expect(Math.abs(JSON.stringify(large).length - JSON.stringify(small).length)).toBeLessThan(16);
    const rest = await call(chief.client, 'compliance_stores', {
      p_after_acked: large.next.stores!.acked,
      p_after_total: large.next.stores!.total,
      p_after_name: large.next.stores!.name,
      p_after_store_id: large.next.stores!.store_id,
      p_limit: 200,
    });
    expect(rest.stores).toHaveLength(200);
    expect(rest.stores[0]!.name).toBe('Extra 0003');
  });

  it('refuses staff (403), limits outside 1..200, part of a key and bad windows (400)', async () => {
    const status = (outcome: Awaited<ReturnType<typeof callRpc>>) =>
      !outcome.ok && outcome.error.kind === 'http' ? [outcome.error.status, outcome.error.details] : outcome;
    const member = staff.Bay[0].client;
    expect(status(await callRpc(member, 'compliance_report', {}))).toEqual([403, 'forbidden']);
    expect(status(await callRpc(member, 'compliance_stores', {}))).toEqual([403, 'forbidden']);
    expect(status(await callRpc(member, 'compliance_briefings', {}))).toEqual([403, 'forbidden']);
    for (const name of ['compliance_report', 'compliance_stores', 'compliance_briefings'] as const) {
      for (const p_limit of [0, 201]) expect(status(await callRpc(hr.client, name, { p_limit }))).toEqual([400, 'invalid_limit']);
      expect(status(await callRpc(hr.client, name, { p_days: 0 }))).toEqual([400, 'invalid_days']);
    }
    expect(status(await callRpc(hr.client, 'compliance_stores', { p_after_acked: 1, p_after_total: 2 }))).toEqual([400, 'invalid_cursor']);
    expect(status(await callRpc(hr.client, 'compliance_briefings', { p_after_id: briefing.p1 }))).toEqual([400, 'invalid_cursor']);
  });
});
