/**
 * A roster import from the screen's side (#12 item 2): the parsed rows go to
 * the server 1,000 per call for the dry run, then the same ranges are applied,
 * one transaction per call; the people missing from the file are fetched after
 * the last dry-run batch and deactivated only by deactivateMissing. Online
 * calls only; nothing is kept on the phone. Answers codes, never words.
 */
import type { RosterReportLine, RosterRow } from '../../domain/roster-columns';
import { type AdminOutcome, adminFailure } from '../admin/outcome';
import type { OnlineApi } from '../online-api';
import type { RosterMissing, RosterPlanRow } from '../supabase/roster-types';

/** Rows per call: each dry-run or apply call stays well under the 8 s statement timeout. */
export const ROSTER_BATCH = 1000;

export interface RosterCounts {
  add: number;
  change: number;
  unchanged: number;
  problem: number;
}

export interface RosterPlan {
  importId: string;
  /** Every row of the file, in order, with the server's verdict (or the client's duplicate_employee_id). */
  rows: RosterPlanRow[];
  counts: RosterCounts;
  missing: RosterMissing;
}

export interface Progress {
  done: number;
  total: number;
}

function countOf(rows: readonly RosterPlanRow[]): RosterCounts {
  const counts: RosterCounts = { add: 0, change: 0, unchanged: 0, problem: 0 };
  for (const row of rows) counts[row.outcome] += 1;
  return counts;
}

/**
 * The dry run of a whole file. Rows the client already knows repeat an earlier
 * employee ID are not sent; the server finds the rest (store codes, scope,
 * bad emails, duplicates of people already there).
 */
export async function dryRunRoster(
  api: OnlineApi,
  rows: readonly RosterRow[],
  duplicates: ReadonlyMap<number, number>,
  onProgress?: (progress: Progress) => void,
): Promise<AdminOutcome<RosterPlan>> {
  const started = await api.call('roster_start', {});
  if (!started.ok) return { ok: false, failure: adminFailure(started.error) };
  const importId = started.data;
  const verdicts = new Map<number, RosterPlanRow>();
  const toSend: RosterRow[] = [];
  for (const row of rows) {
    if (duplicates.has(row.row)) verdicts.set(row.row, { row: row.row, employee_id: row.employee_id, outcome: 'problem', problem: 'duplicate_employee_id' });
    else toSend.push(row);
  }
  onProgress?.({ done: 0, total: rows.length });
  for (let i = 0; i < toSend.length; i += ROSTER_BATCH) {
    const batch = toSend.slice(i, i + ROSTER_BATCH);
    const answer = await api.call('roster_dry_run', { p_import_id: importId, p_rows: batch });
    if (!answer.ok) return { ok: false, failure: adminFailure(answer.error) };
    for (const verdict of answer.data.rows) verdicts.set(verdict.row, verdict);
    onProgress?.({ done: Math.min(rows.length, verdicts.size), total: rows.length });
  }
  const missing = await api.call('roster_missing', { p_import_id: importId, p_limit: 200 });
  if (!missing.ok) return { ok: false, failure: adminFailure(missing.error) };
  const planned = rows.map(
    (row) => verdicts.get(row.row) ?? { row: row.row, employee_id: row.employee_id, outcome: 'problem' as const, problem: 'not_checked' },
  );
  return { ok: true, data: { importId, rows: planned, counts: countOf(planned), missing: missing.data } };
}

export interface RosterApplyReport {
  lines: RosterReportLine[];
  added: number;
  changed: number;
  /** Batches the server refused as a whole (nothing of them written). */
  refusedBatches: number;
}

function employeeIdText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Applies a dry run's plan, 1,000 rows of the file per call. A refused call
 * writes nothing of its rows; the others still go, and the report says which
 * rows were not applied and why (the first refused row's code).
 */
export async function applyRoster(api: OnlineApi, plan: RosterPlan, onProgress?: (progress: Progress) => void): Promise<AdminOutcome<RosterApplyReport>> {
  const applied = new Map<number, 'added' | 'changed'>();
  const refused = new Map<number, string>();
  let refusedBatches = 0;
  const total = plan.rows.length;
  onProgress?.({ done: 0, total });
  for (let i = 0; i < total; i += ROSTER_BATCH) {
    const batch = plan.rows.slice(i, i + ROSTER_BATCH);
    const todo = batch.filter((r) => r.outcome === 'add' || r.outcome === 'change');
    if (todo.length > 0) {
      // Row numbers leap over blank lines, so one batch of rows may need two ranges of at most 1,000 numbers.
      const ranges = splitRange(todo.map((r) => r.row));
      for (const [from, to] of ranges) {
        const answer = await api.call('roster_apply', { p_import_id: plan.importId, p_first_row: from, p_last_row: to });
        if (answer.ok) {
          for (const r of answer.data.rows) applied.set(r.row, r.outcome);
        } else {
          const failure = adminFailure(answer.error);
          if (failure.kind === 'offline') return { ok: false, failure };
          refusedBatches += 1;
          const code = answer.error.kind === 'http' ? (answer.error.details ?? answer.error.code) : 'failed';
          for (const r of todo) if (r.row >= from && r.row <= to) refused.set(r.row, code);
        }
      }
    }
    onProgress?.({ done: Math.min(total, i + batch.length), total });
  }
  const lines = plan.rows.map((r): RosterReportLine => {
    const employee_id = employeeIdText(r.employee_id);
    const done = applied.get(r.row);
    if (done) return { row: r.row, employee_id, outcome: done };
    const why = refused.get(r.row);
    if (why) return { row: r.row, employee_id, outcome: 'not_applied', problem: why };
    if (r.outcome === 'problem') return { row: r.row, employee_id, outcome: 'problem', problem: r.problem ?? '' };
    return { row: r.row, employee_id, outcome: 'unchanged' };
  });
  return {
    ok: true,
    data: {
      lines,
      added: [...applied.values()].filter((o) => o === 'added').length,
      changed: [...applied.values()].filter((o) => o === 'changed').length,
      refusedBatches,
    },
  };
}

/** Sorted row numbers as ranges of at most ROSTER_BATCH numbers each (the server's limit per call). */
export function splitRange(rows: readonly number[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const row of rows) {
    const current = ranges.at(-1);
    if (current && row - current[0] < ROSTER_BATCH) current[1] = row;
    else ranges.push([row, row]);
  }
  return ranges;
}

/** The explicit step: deactivates everyone the import still finds missing, 1,000 a call. */
export async function deactivateMissing(api: OnlineApi, importId: string, onProgress?: (done: number) => void): Promise<AdminOutcome<number>> {
  let done = 0;
  for (;;) {
    const missing = await api.call('roster_missing', { p_import_id: importId, p_limit: ROSTER_BATCH });
    if (!missing.ok) return { ok: false, failure: adminFailure(missing.error) };
    if (missing.data.people.length === 0) return { ok: true, data: done };
    const answer = await api.call('roster_deactivate_missing', { p_import_id: importId, p_member_ids: missing.data.people.map((p) => p.id) });
    if (!answer.ok) return { ok: false, failure: adminFailure(answer.error) };
    if (answer.data.deactivated === 0) return { ok: true, data: done };
    done += answer.data.deactivated;
    onProgress?.(done);
  }
}
