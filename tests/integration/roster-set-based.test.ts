/**
 * The set-based roster import (#12: 50,000 rows in under 30 s) against the
 * row-by-row rules it replaced, in the database as HR and as a manager:
 * roster_dry_run's verdict on every row is what the original algorithm gives
 * (the row resolved by private.roster_payload, then admin_save_person run on it
 * and rolled back, its person_fields diff), and roster_apply writes exactly
 * what admin_save_person row by row writes (people, stores run, admin log).
 * Each case runs in a transaction as the user and is rolled back, so the rows
 * are tried against the same people every time.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RosterRowInput } from '../../src/data/supabase/roster-types';
import { asUserInSql, createMember, createOrg, sql, type TestMember } from './support/fixtures';

let org: { orgId: string; storeId: string; departmentId: string };
let quay: string;
let hr: TestMember;
let manager: TestMember;
let tag: string;

const eid = (n: string) => `${tag}-${n}`;

beforeAll(async () => {
  org = await createOrg();
  tag = randomUUID().slice(0, 6).toUpperCase();
  await sql(`update public.stores set code = 'HB' where id = $1`, [org.storeId]);
  [{ id: quay }] = (await sql<{ id: string }>(
    `insert into public.stores (org_id, name, code, time_zone) values ($1, 'Quay', 'QY', 'Europe/London') returning id`,
    [org.orgId],
  )) as [{ id: string }];
  await sql(`insert into public.stores (org_id, name, code, time_zone) values ($1, 'Uncoded', null, 'UTC')`, [org.orgId]);
  [hr, manager] = await Promise.all([
    createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null, role: 'manager', manages: [org.storeId] }),
  ]);
  const people: [string, string | null, string, string | null][] = [
    // employee ID, store, role, email
    ['S1', org.storeId, 'staff', null],
    ['S2', org.storeId, 'staff', `s2.${tag}@example.test`],
    ['S3', quay, 'staff', null],
    ['S4', null, 'staff', null],
    ['M1', quay, 'manager', `m1.${tag}@example.test`],
    ['M2', org.storeId, 'manager', null],
    ['GONE', org.storeId, 'staff', null],
  ];
  for (const [id, store, role, email] of people) {
    await sql(
      `insert into public.members (org_id, store_id, department_id, role, display_name, email, employee_id, phone)
       values ($1, $2, $3, $4, $5, $6, $7, '+44 20 1')`,
      [org.orgId, store, org.departmentId, role, `Person ${id}`, email, eid(id)],
    );
  }
  await sql(`update public.members set active = false where employee_id = $1`, [eid('GONE')]);
  await sql(`insert into public.store_managers (store_id, member_id) select $2, id from public.members where employee_id = $1`, [eid('M1'), quay]);
  await sql(`update public.members set employee_id = $2 where id = $1`, [hr.memberId, eid('HR')]);
  await sql(`update public.members set employee_id = $2 where id = $1`, [manager.memberId, eid('MGR')]);
});

/** Rows that reach admin_save_person's every rule, none repeating another's employee ID or email. */
function tricky(): RosterRowInput[] {
  const rows: Omit<RosterRowInput, 'row'>[] = [
    { employee_id: eid('N1'), display_name: 'New One', store_code: 'hb', email: `n1.${tag}@example.test`, phone: '+1 555', language: 'ES' },
    { employee_id: eid('N2'), display_name: 'New Manager', store_code: 'QY', role: 'Manager', manages_store_codes: 'QY|hb;QY' },
    { employee_id: eid('N3'), display_name: 'Default manager', store_code: 'QY', role: 'manager' },
    { employee_id: eid('N4'), display_name: 'Empty manages', store_code: 'QY', role: 'manager', manages_store_codes: '' },
    { employee_id: eid('N5'), display_name: 'No store', department: '' },
    { employee_id: eid('N6'), display_name: 'Staff with manages', store_code: 'HB', manages_store_codes: 'HB' },
    { employee_id: eid('N7') },
    { employee_id: eid('N8'), display_name: 'x'.repeat(121) },
    { employee_id: eid('N9'), display_name: '  ' },
    { employee_id: `${eid('N10')}-${'x'.repeat(32)}`, display_name: 'Long id' },
    { employee_id: `${eid('N11')}!`, display_name: 'Bad id' },
    { employee_id: eid('N12'), display_name: 'Bad mail', email: 'no-at-sign' },
    { employee_id: eid('N13'), display_name: 'Taken mail', email: ` S2.${tag}@EXAMPLE.test ` },
    { employee_id: eid('N14'), display_name: 'Long mail', email: `${'x'.repeat(250)}@a.bc` },
    { employee_id: eid('N15'), display_name: 'Bad phone', phone: '555-1234' },
    { employee_id: eid('N16'), display_name: 'Long phone', phone: '1'.repeat(33) },
    { employee_id: eid('N17'), display_name: 'French', language: 'fr' },
    { employee_id: eid('N18'), display_name: 'Long language', language: 'english-uk' },
    { employee_id: eid('N19'), display_name: 'Empty language', language: '', store_code: 'HB', role: '' },
    { employee_id: ` ${eid('N20').toLowerCase()} `, display_name: 'Spaced id', store_code: 'HB' },
    { employee_id: eid('S1'), display_name: 'Person S1', store_code: 'HB' },
    { employee_id: eid('S1X'), phone: '' },
    { employee_id: eid('S2'), email: '', store_code: 'QY', department: '' },
    { employee_id: eid('S3'), display_name: 'Moved', store_code: 'HB', role: 'staff' },
    { employee_id: eid('S4'), role: 'manager' },
    { employee_id: eid('M1'), role: 'staff' },
    { employee_id: eid('M2'), manages_store_codes: 'HB QY' },
    { employee_id: eid('GONE'), display_name: 'Still gone' },
    { employee_id: eid('HR'), role: 'staff' },
    { employee_id: eid('MGR'), display_name: 'Renamed manager' },
    { employee_id: eid('N21'), display_name: 'Numbers', email: 5 as unknown as string, store_code: 'HB' },
  ];
  return rows.map((r, i) => ({ row: i + 2, ...r }) as RosterRowInput);
}

interface Verdict {
  row: number;
  outcome: string;
  problem?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

async function asOwner<T>(client: pg.PoolClient, fn: () => Promise<T>): Promise<T> {
  await client.query('set local role postgres');
  try {
    return await fn();
  } finally {
    await client.query('set local role authenticated');
  }
}

/**
 * What the row-by-row dry run (20261205201000) said of a row: roster_payload's
 * problem, or admin_save_person's refusal code, or its diff (rolled back).
 */
async function oracle(client: pg.PoolClient, row: RosterRowInput): Promise<Omit<Verdict, 'row'>> {
  const key = String(row.employee_id).trim().toLowerCase();
  const member = await asOwner(client, async () => {
    const [m] = (await client.query<{ id: string }>('select id from public.members where org_id = $1 and lower(employee_id) = $2', [org.orgId, key])).rows;
    return m?.id ?? null;
  });
  const [built] = await asOwner(
    client,
    async () =>
      (
        await client.query<{ payload: Record<string, unknown>; problem: string | null }>('select payload, problem from private.roster_payload($1, $2, $3)', [
          org.orgId,
          row,
          member,
        ])
      ).rows,
  );
  if (built!.problem) return { outcome: 'problem', problem: built!.problem };
  const fields = (id: string) =>
    asOwner(client, async () => {
      const [f] = (
        await client.query<{ f: Record<string, unknown> }>(
          'select private.roster_visible_fields(private.person_fields(m)) as f from public.members m where m.id = $1',
          [id],
        )
      ).rows;
      return f!.f;
    });
  const before = member ? await fields(member) : null;
  await client.query('savepoint oracle');
  try {
    let saved: { id: string };
    try {
      [{ p: saved }] = (await client.query<{ p: { id: string } }>('select public.admin_save_person($1) as p', [built!.payload])).rows as [
        { p: { id: string } },
      ];
    } catch (error) {
      const e = error as { code?: string; detail?: string };
      if (e.code !== '22023' && e.code !== '42501') throw error;
      return { outcome: 'problem', problem: e.detail || 'invalid' };
    }
    const after = await fields(saved.id);
    return await asOwner(client, async () => {
      if (!before) {
        const [stripped] = (await client.query<{ a: Record<string, unknown> }>('select jsonb_strip_nulls($1::jsonb) as a', [after])).rows;
        return { outcome: 'add', after: stripped!.a };
      }
      const [diff] = (
        await client.query<{ d: { before: Record<string, unknown>; after: Record<string, unknown> } | null }>(
          'select jsonb_strip_nulls(private.jsonb_changes($1, $2)) as d',
          [before, after],
        )
      ).rows;
      return diff!.d ? { outcome: 'change', before: diff!.d.before, after: diff!.d.after } : { outcome: 'unchanged' };
    });
  } finally {
    await client.query('rollback to savepoint oracle');
  }
}

async function dryRun(client: pg.PoolClient, rows: RosterRowInput[]): Promise<{ importId: string; verdicts: Verdict[] }> {
  const [{ id }] = (await client.query<{ id: string }>('select public.roster_start() as id')).rows as [{ id: string }];
  const [plan] = (await client.query<{ p: { rows: Verdict[] } }>('select public.roster_dry_run($1, $2) as p', [id, JSON.stringify(rows)])).rows;
  return { importId: id, verdicts: plan!.p.rows };
}

function comparable(v: Omit<Verdict, 'row'>) {
  return { outcome: v.outcome, problem: v.problem, before: v.before, after: v.after };
}

describe('the set-based dry run', () => {
  for (const who of ['hr', 'manager'] as const) {
    it(`gives every row the verdict admin_save_person gives it, as ${who}`, async () => {
      const me = who === 'hr' ? hr : manager;
      const rows = tricky();
      await asUserInSql(me.userId, async (client) => {
        const { verdicts } = await dryRun(client, rows);
        expect(verdicts.map((v) => v.row)).toEqual(rows.map((r) => r.row));
        const expected = [];
        for (const row of rows) expected.push({ row: row.row, ...comparable(await oracle(client, row)) });
        expect(verdicts.map((v) => ({ row: v.row, ...comparable(v) }))).toEqual(expected);
        // The cases are there: several refusals, adds and changes for each caller.
        const outcomes = new Set(verdicts.map((v) => v.outcome));
        expect(outcomes).toContain('problem');
        expect(outcomes).toContain('add');
      });
    });
  }
});

/** Everything an apply writes about the org's people: fields, stores run, log rows (ids as employee IDs). */
async function written(client: pg.PoolClient, since: number) {
  return asOwner(client, async () => {
    const people = (
      await client.query(
        `select m.employee_id, m.display_name, m.email, m.phone, m.role, m.locale, m.store_id, m.department_id, m.active,
                array(select sm.store_id from public.store_managers sm where sm.member_id = m.id order by sm.store_id) as runs
         from public.members m where m.org_id = $1 order by m.employee_id`,
        [org.orgId],
      )
    ).rows;
    const log = (
      await client.query(
        `select a.action, m.employee_id, a.actor_member_id, a.before, a.after, a.reason
         from private.admin_audit a join public.members m on m.id = a.target_member_id
         where a.org_id = $1 and a.id > $2 order by a.id`,
        [org.orgId, since],
      )
    ).rows;
    return { people, log };
  });
}

async function applyBothWays(client: pg.PoolClient, importId: string, first: number, last: number) {
  const [{ since }] = (await asOwner(
    client,
    async () => (await client.query<{ since: number }>('select coalesce(max(id), 0)::int as since from private.admin_audit')).rows,
  )) as [{ since: number }];
  const run = async (call: string) => {
    await client.query('savepoint apply');
    try {
      const [answer] = (await client.query<{ a: { rows: { row: number; outcome: string }[] } }>(call, [importId, first, last])).rows;
      return { rows: answer!.a.rows.map((r) => [r.row, r.outcome]), ...(await written(client, since)) };
    } catch (error) {
      const e = error as { code?: string; detail?: string; message?: string };
      return { refused: [e.code, e.detail, e.message] };
    } finally {
      await client.query('rollback to savepoint apply');
    }
  };
  const setBased = await run('select public.roster_apply($1, $2, $3) as a');
  // The row-by-row way: admin_save_person per staged row, as roster_apply did before.
  const rowByRow = await asOwner(client, () => run(`select private.roster_apply_rows(private.require_member(), $1, $2, $3) as a`));
  return { setBased, rowByRow };
}

describe('the set-based apply', () => {
  for (const who of ['hr', 'manager'] as const) {
    it(`writes what admin_save_person row by row writes: people, stores run and log rows, as ${who}`, async () => {
      const me = who === 'hr' ? hr : manager;
      await asUserInSql(me.userId, async (client) => {
        const rows = tricky();
        const { importId, verdicts } = await dryRun(client, rows);
        expect(verdicts.filter((v) => v.outcome === 'add' || v.outcome === 'change').length).toBeGreaterThan(2);
        const { setBased, rowByRow } = await applyBothWays(client, importId, 2, 1000);
        expect(setBased).toEqual(rowByRow);
        expect(setBased).toHaveProperty('log');
        // Applied again: nothing more to write, no log row.
        await client.query('select public.roster_apply($1, 2, 1000)', [importId]);
        const again = await applyBothWays(client, importId, 2, 1000);
        expect(again.setBased).toEqual(again.rowByRow);
        expect((again.setBased as { log: unknown[] }).log).toEqual([]);
      });
    });
  }

  it('refuses a batch whose row left the manager’s stores since the dry run, naming the row, as row by row did', async () => {
    await asUserInSql(manager.userId, async (client) => {
      const { importId, verdicts } = await dryRun(client, [
        { row: 2, employee_id: eid('S1'), display_name: 'Still mine' },
        { row: 3, employee_id: eid('S2'), display_name: 'Moving away' },
      ]);
      expect(verdicts.map((v) => v.outcome)).toEqual(['change', 'change']);
      await asOwner(client, () => client.query('update public.members set store_id = $2 where employee_id = $1', [eid('S2'), quay]));
      const { setBased, rowByRow } = await applyBothWays(client, importId, 2, 3);
      expect(setBased).toEqual({ refused: ['42501', 'person_not_managed', expect.stringMatching(/^row 3: /)] });
      expect(rowByRow).toEqual(setBased);
    });
  });

  it('applies a range whose rows name the same person (batches sent out of order) row by row', async () => {
    await asUserInSql(hr.userId, async (client) => {
      const [{ id }] = (await client.query<{ id: string }>('select public.roster_start() as id')).rows as [{ id: string }];
      // The later batch first: neither sees the other's row as an earlier one, so both are staged as adds.
      await client.query('select public.roster_dry_run($1, $2)', [
        id,
        JSON.stringify([{ row: 5, employee_id: eid('TW'), display_name: 'Second', store_code: 'QY' }]),
      ]);
      await client.query('select public.roster_dry_run($1, $2)', [
        id,
        JSON.stringify([{ row: 2, employee_id: eid('TW'), display_name: 'First', store_code: 'HB' }]),
      ]);
      const { setBased, rowByRow } = await applyBothWays(client, id, 2, 5);
      expect(setBased).toEqual(rowByRow);
      expect((setBased as { rows: unknown[] }).rows).toEqual([
        [2, 'added'],
        [5, 'changed'],
      ]);
    });
  });
});
