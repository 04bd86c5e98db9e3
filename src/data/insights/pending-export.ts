/**
 * The "still to acknowledge" list as CSV (issue 13, point 4): exactly the people the
 * screen lists for its filters, fetched with report_pending_csv_page a page at a
 * time (a keyset walk, each answer within hosted PostgREST's max_rows of 1,000,
 * so nothing is cut short) until an empty page. The server has already made every
 * text cell inert for spreadsheets (private.csv_cell); this only quotes. The file is
 * kept only when every page arrived; on a failure the sink is aborted.
 */
import type { OnlineApi } from '../online-api';
import type { RpcFailure } from '../supabase/rpc';
import { PENDING_CSV_COLUMNS, type PendingCsvRow, type PendingPeopleArgs } from '../supabase/types';
import { type CsvSink, csvField } from './audit-export';

export const PENDING_CSV_PAGE = 1000;

export type PendingExportOutcome = { ok: true; rows: number } | { ok: false; error: RpcFailure | { kind: 'write'; message: string } };

export async function exportPendingCsv(
  api: Pick<OnlineApi, 'call'>,
  filters: PendingPeopleArgs,
  sink: CsvSink,
  pageSize = PENDING_CSV_PAGE,
): Promise<PendingExportOutcome> {
  const encoder = new TextEncoder();
  let rows = 0;
  try {
    await sink.write(encoder.encode(`${PENDING_CSV_COLUMNS.join(',')}\n`));
    let last: PendingCsvRow | undefined;
    for (;;) {
      const page = await api.call('report_pending_csv_page', {
        ...filters,
        p_after_name: last?.display_name ?? null,
        p_after_id: last?.member_id ?? null,
        p_limit: pageSize,
      });
      if (!page.ok) {
        await sink.abort().catch(() => undefined);
        return { ok: false, error: page.error };
      }
      // Only an empty page ends the walk: a page cut short just moves the key less far.
      if (page.data.length === 0) break;
      await sink.write(encoder.encode(page.data.map(pendingCsvLine).join('')));
      rows += page.data.length;
      last = page.data.at(-1);
    }
    await sink.close();
  } catch (thrown) {
    await sink.abort().catch(() => undefined);
    return { ok: false, error: { kind: 'write', message: String(thrown) } };
  }
  return { ok: true, rows };
}

export function pendingCsvLine(row: PendingCsvRow): string {
  return `${PENDING_CSV_COLUMNS.map((column) => csvField(row[column])).join(',')}\n`;
}
