/**
 * admin_people's search, filters and keyset pages over more people than hosted
 * PostgREST's max_rows (1,000): every person exactly once, in name order, each
 * answer agreeing with the same question put to the table in SQL.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc, type RpcOutcome } from '../../src/data/supabase/rpc';
import type { AdminPeoplePage, AdminPerson, RpcArgs } from '../../src/data/supabase/types';
import { createMember, createOrg, sql, type TestMember } from './support/fixtures';

const PEOPLE = 1_205;
let org: { orgId: string; storeId: string; departmentId: string };
let secondStore: string;
let secondDepartment: string;
let hr: TestMember;
let manager: TestMember;

beforeAll(async () => {
  org = await createOrg();
  [{ id: secondStore }] = (await sql<{ id: string }>(`insert into public.stores (org_id, name, code) values ($1, 'Quay', 'QY') returning id`, [org.orgId])) as [
    { id: string },
  ];
  [{ id: secondDepartment }] = (await sql<{ id: string }>(`insert into public.departments (org_id, name) values ($1, 'Bakery') returning id`, [org.orgId])) as [
    { id: string },
  ];
  // Names repeat (every 100th is a "Kim"), so the key's id breaks ties across pages.
  await sql(
    `insert into public.members (org_id, store_id, department_id, role, display_name, email, employee_id, active)
     select $1, case when n % 3 = 0 then $2::uuid else $3::uuid end, case when n % 2 = 0 then $4::uuid else $5::uuid end,
            case when n % 50 = 0 then 'manager' else 'staff' end,
            case when n % 100 = 7 then 'Jo Kim' else 'Person ' || lpad(n::text, 4, '0') end,
            case when n % 4 = 0 then 'p' || n || '@Roster.example' end,
            'EMP-' || lpad(n::text, 5, '0'),
            n % 10 <> 0
     from generate_series(1, ${PEOPLE}) n`,
    [org.orgId, secondStore, org.storeId, org.departmentId, secondDepartment],
  );
  [hr, manager] = await Promise.all([
    createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: org.orgId, storeId: secondStore, departmentId: null, role: 'manager', manages: [secondStore] }),
  ]);
});

async function walk(client: SupabaseClient, args: Omit<RpcArgs['admin_people'], 'p_after'>): Promise<{ people: AdminPerson[]; pages: number }> {
  const people: AdminPerson[] = [];
  let after: RpcArgs['admin_people']['p_after'] = null;
  for (let pages = 1; ; pages++) {
    const outcome: RpcOutcome<AdminPeoplePage> = await callRpc(client, 'admin_people', { ...args, p_after: after });
    if (!outcome.ok) throw new Error(`admin_people failed: ${JSON.stringify(outcome.error)}`);
    expect(outcome.data.people.length).toBeLessThanOrEqual(args.p_limit ?? 50);
    people.push(...outcome.data.people);
    if (!outcome.data.next) return { people, pages };
    after = outcome.data.next;
  }
}

/** The same question to the table: ids in (display_name, id) order. */
async function expected(where: string, params: unknown[] = []): Promise<string[]> {
  const rows = await sql<{ id: string }>(`select m.id from public.members m where m.org_id = $1 and (${where}) order by m.display_name, m.id`, [
    org.orgId,
    ...params,
  ]);
  return rows.map((r) => r.id);
}

describe('admin_people pages past max_rows', () => {
  it('HR walks the whole organisation, 200 at a time, each person once in name order', async () => {
    const { people, pages } = await walk(hr.client, { p_limit: 200 });
    expect(people.length).toBe(PEOPLE + 2);
    expect(pages).toBe(Math.ceil((PEOPLE + 2) / 200));
    expect(people.map((p) => p.id)).toEqual(await expected('true'));
  });

  it('searches any part of name, employee ID or email, ignoring case, across pages', async () => {
    const byId = await walk(hr.client, { p_query: 'emp-001', p_limit: 30 });
    expect(byId.people.map((p) => p.id)).toEqual(await expected(`m.employee_id like 'EMP-001%'`));
    expect(byId.people.length).toBe(100);
    const byName = await walk(hr.client, { p_query: ' jo KIM ', p_limit: 5 });
    expect(byName.people.map((p) => p.id)).toEqual(await expected(`m.display_name = 'Jo Kim'`));
    expect(byName.pages).toBeGreaterThan(1);
    const byEmail = await walk(hr.client, { p_query: '@roster.EXAMPLE', p_limit: 200 });
    expect(byEmail.people.map((p) => p.id)).toEqual(await expected(`m.email like '%@Roster.example'`));
    // LIKE's wildcards are searched for, not obeyed.
    expect((await walk(hr.client, { p_query: '%', p_limit: 200 })).people).toEqual([]);
    expect((await walk(hr.client, { p_query: 'EMP_0', p_limit: 200 })).people).toEqual([]);
  });

  it('filters by store, department, role and status, together', async () => {
    const cases: Array<[Omit<RpcArgs['admin_people'], 'p_after'>, string, unknown[]]> = [
      [{ p_store_id: secondStore }, 'm.store_id = $2', [secondStore]],
      [{ p_department_id: secondDepartment, p_role: 'staff' }, `m.department_id = $2 and m.role = 'staff'`, [secondDepartment]],
      [{ p_status: 'inactive' }, 'not m.active', []],
      [{ p_status: 'not_activated', p_role: 'manager' }, `m.active and m.user_id is null and m.role = 'manager'`, []],
      [{ p_status: 'active', p_store_id: org.storeId, p_query: '12' }, `m.active and m.store_id = $2 and m.employee_id like '%12%'`, [org.storeId]],
    ];
    for (const [args, where, params] of cases) {
      const { people } = await walk(hr.client, { ...args, p_limit: 200 });
      expect([where, people.map((p) => p.id)]).toEqual([where, await expected(where, params)]);
    }
  });

  it("a manager's walk holds only the stores they run", async () => {
    const { people } = await walk(manager.client, { p_limit: 200 });
    expect(people.map((p) => p.id)).toEqual(await expected('m.store_id = $2', [secondStore]));
    expect(people.length).toBeGreaterThan(400);
  });

  it('refuses a bad limit, status or cursor', async () => {
    const bad: Array<[RpcArgs['admin_people'], string]> = [
      [{ p_limit: 201 }, 'invalid_limit'],
      [{ p_limit: 0 }, 'invalid_limit'],
      [{ p_status: 'gone' as RpcArgs['admin_people']['p_status'] }, 'invalid_status'],
      [{ p_after: { display_name: 'x', id: 'nope' } }, 'invalid_cursor'],
    ];
    for (const [args, code] of bad) {
      const outcome = await callRpc(hr.client, 'admin_people', args);
      expect(!outcome.ok && outcome.error.kind === 'http' && outcome.error.details).toBe(code);
    }
  });
});
