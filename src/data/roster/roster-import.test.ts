import { describe, expect, it } from 'vitest';
import type { RosterRow } from '../../domain/roster-columns';
import type { OnlineApi } from '../online-api';
import type { RpcOutcome } from '../supabase/rpc';
import { applyRoster, dryRunRoster, ROSTER_BATCH, splitRange } from './roster-import';

type Call = { name: string; args: Record<string, unknown> };

/** A server that plans every row it is sent as an add and refuses apply calls whose range holds a given row. */
function fakeApi(refuseRow?: number): { api: OnlineApi; calls: Call[] } {
  const calls: Call[] = [];
  const api = {
    async call(name: string, args: Record<string, unknown>): Promise<RpcOutcome<unknown>> {
      calls.push({ name, args });
      switch (name) {
        case 'roster_start':
          return { ok: true, data: 'import-1' };
        case 'roster_dry_run':
          return { ok: true, data: { rows: (args.p_rows as RosterRow[]).map((r) => ({ row: r.row, employee_id: r.employee_id, outcome: 'add' })) } };
        case 'roster_missing':
          return { ok: true, data: { total: 0, people: [] } };
        case 'roster_apply': {
          const from = args.p_first_row as number;
          const to = args.p_last_row as number;
          if (refuseRow !== undefined && refuseRow >= from && refuseRow <= to) {
            return { ok: false, error: { kind: 'http', status: 400, code: '22023', message: `row ${refuseRow}: taken`, details: 'duplicate_email' } };
          }
          const rows = [];
          for (let row = from; row <= to; row++) rows.push({ row, outcome: 'added', member_id: `m${row}` });
          return { ok: true, data: { rows } };
        }
      }
      throw new Error(name);
    },
  } as unknown as OnlineApi;
  return { api, calls };
}

const rows = (n: number): RosterRow[] => Array.from({ length: n }, (_, i) => ({ row: i + 2, employee_id: `E${i}` }));

describe('the roster import client', () => {
  it('sends 1,000 rows a call, keeps the rows it knows repeat an employee ID, and marks them', async () => {
    const { api, calls } = fakeApi();
    const file = [...rows(2500), { row: 2502, employee_id: 'e7' }];
    const plan = await dryRunRoster(api, file, new Map([[2502, 9]]));
    if (!plan.ok) throw new Error('failed');
    const sent = calls.filter((c) => c.name === 'roster_dry_run').map((c) => (c.args.p_rows as RosterRow[]).length);
    expect(sent).toEqual([ROSTER_BATCH, ROSTER_BATCH, 500]);
    expect(plan.data.rows.at(-1)).toEqual({ row: 2502, employee_id: 'e7', outcome: 'problem', problem: 'duplicate_employee_id' });
    expect(plan.data.counts).toEqual({ add: 2500, change: 0, unchanged: 0, problem: 1 });
  });

  it('reports the rows of a refused batch as not applied and goes on with the next batches', async () => {
    const { api } = fakeApi(1500);
    const plan = await dryRunRoster(api, rows(2500), new Map());
    if (!plan.ok) throw new Error('failed');
    const report = await applyRoster(api, plan.data);
    if (!report.ok) throw new Error('failed');
    expect(report.data.refusedBatches).toBe(1);
    expect(report.data.added).toBe(1500);
    expect(report.data.lines.find((l) => l.row === 1500)).toEqual({ row: 1500, employee_id: 'E1498', outcome: 'not_applied', problem: 'duplicate_email' });
    expect(report.data.lines.find((l) => l.row === 2)).toEqual({ row: 2, employee_id: 'E0', outcome: 'added' });
  });

  it('splits row numbers that leap into ranges of at most 1,000 numbers', () => {
    expect(splitRange([2, 3, 500, 1001, 1002, 2500])).toEqual([
      [2, 1001],
      [1002, 1002],
      [2500, 2500],
    ]);
  });
});
