/**
 * HR's admin log (#12): pages for the screen (newest first) and the CSV export,
 * walked the way the acknowledgement export is: admin_audit_export_page is asked
 * for the rows after the last one written until a page comes back empty, each
 * page within hosted PostgREST's max_rows. Its text cells arrive already
 * formula-neutralised by private.csv_cell; this file only quotes them as CSV.
 */
import type { CsvSink } from '../insights/audit-export';
import type { OnlineApi } from '../online-api';
import { ADMIN_AUDIT_EXPORT_COLUMNS, type AdminAuditCursor, type AdminAuditExportRow, type AdminAuditFilters, type AdminAuditPage } from '../supabase/types';
import { type AdminFailure, type AdminOutcome, adminFailure, adminOutcome } from './outcome';

export const AUDIT_LOG_PAGE_SIZE = 50;
/** Rows per export call (the server takes 1..1000). */
export const AUDIT_LOG_EXPORT_PAGE = 1000;

export async function auditLogPage(
  api: OnlineApi,
  filters: AdminAuditFilters = {},
  after: AdminAuditCursor | null = null,
  limit = AUDIT_LOG_PAGE_SIZE,
  signal?: AbortSignal,
): Promise<AdminOutcome<AdminAuditPage>> {
  return adminOutcome(await api.call('admin_audit_log', { p_filters: filters, p_after: after, p_limit: limit }, signal));
}

export type AuditLogExportFailure = AdminFailure | { kind: 'cancelled' } | { kind: 'write'; message: string };
export type AuditLogExportOutcome = { ok: true; rows: number } | { ok: false; failure: AuditLogExportFailure };

export interface AuditLogExportRun {
  api: Pick<OnlineApi, 'call'>;
  filters?: AdminAuditFilters;
  sink: CsvSink;
  signal: AbortSignal;
  onProgress?(rows: number): void;
  pageSize?: number;
}

/** Writes the filtered log to the sink as CSV, newest first; on any failure the sink is aborted. */
export async function exportAuditLogCsv(run: AuditLogExportRun): Promise<AuditLogExportOutcome> {
  const outcome = await writePages(run);
  if (!outcome.ok) await run.sink.abort().catch(() => undefined);
  return outcome;
}

async function writePages({
  api,
  filters = {},
  sink,
  signal,
  onProgress,
  pageSize = AUDIT_LOG_EXPORT_PAGE,
}: AuditLogExportRun): Promise<AuditLogExportOutcome> {
  const encoder = new TextEncoder();
  const write = async (text: string): Promise<AuditLogExportOutcome | null> => {
    try {
      await sink.write(encoder.encode(text));
      return null;
    } catch (thrown) {
      return { ok: false, failure: { kind: 'write', message: String(thrown) } };
    }
  };
  const headerFailure = await write(`${ADMIN_AUDIT_EXPORT_COLUMNS.join(',')}\n`);
  if (headerFailure) return headerFailure;
  let rows = 0;
  let key: { p_after_at: string | null; p_after_id: number | null } = { p_after_at: null, p_after_id: null };
  for (;;) {
    const page = await api.call('admin_audit_export_page', { p_filters: filters, ...key, p_limit: pageSize }, signal);
    if (signal.aborted) return { ok: false, failure: { kind: 'cancelled' } };
    if (!page.ok) return { ok: false, failure: adminFailure(page.error) };
    const last = page.data.at(-1);
    if (!last) break;
    const failure = await write(page.data.map(auditLogCsvLine).join(''));
    if (failure) return failure;
    rows += page.data.length;
    onProgress?.(rows);
    key = { p_after_at: last.at, p_after_id: last.id };
  }
  try {
    await sink.close();
  } catch (thrown) {
    return { ok: false, failure: { kind: 'write', message: String(thrown) } };
  }
  return { ok: true, rows };
}

/** One CSV record: null is an empty field, and a field holding a comma, quote or line break is quoted. */
export function auditLogCsvLine(row: AdminAuditExportRow): string {
  return `${ADMIN_AUDIT_EXPORT_COLUMNS.map((column) => csvField(row[column])).join(',')}\n`;
}

function csvField(value: string | null): string {
  if (value === null) return '';
  return value === '' || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
