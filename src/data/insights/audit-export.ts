/**
 * The audit CSV export, start to finish: audit_export_start fixes the range
 * and counts it, then audit_export_page is called page after page (a keyset
 * walk, each answer within hosted PostgREST's max_rows) and each page is
 * written to the sink as CSV while the next is on its way, so memory stays at
 * two pages whatever the size. The file is kept only when the rows written
 * equal the count; otherwise, and on any failure, the sink is aborted so no
 * short file is left looking complete. Expected failures come back as values.
 */
import type { OnlineApi } from '../online-api';
import type { RpcFailure } from '../supabase/rpc';
import { AUDIT_EXPORT_COLUMNS, AUDIT_EXPORT_PAGE_MAX, type AuditExportPageRow, type RpcArgs } from '../supabase/types';

export interface CsvSink {
  write(chunk: Uint8Array<ArrayBuffer>): Promise<void>;
  /** Everything written is complete: keep it. */
  close(): Promise<void>;
  /** Drop what was written. */
  abort(): Promise<void>;
}

export interface ExportProgress {
  /** Data rows written so far (the header row not counted). */
  rows: number;
  /** Rows the server counted in the range; null until it has answered. */
  total: number | null;
  bytes: number;
}

export type AuditExportFailure =
  | { kind: 'offline' }
  | { kind: 'signin' }
  | { kind: 'forbidden' }
  | { kind: 'cancelled' }
  | { kind: 'server'; status: number | null; message: string }
  | { kind: 'interrupted'; message: string }
  /** The pages held a different number of rows than the server counted: the file is not the audit trail. */
  | { kind: 'count_mismatch'; expected: number; received: number }
  | { kind: 'write'; message: string };

export type AuditExportOutcome = { ok: true; rows: number; bytes: number } | { ok: false; error: AuditExportFailure };

export interface AuditExportRun {
  api: Pick<OnlineApi, 'call'>;
  range: RpcArgs['audit_export_start'];
  sink: CsvSink;
  signal: AbortSignal;
  onProgress(progress: ExportProgress): void;
  /** Rows asked for per call (1..1000); tests make it small. */
  pageSize?: number;
}

export async function exportAuditCsv(run: AuditExportRun): Promise<AuditExportOutcome> {
  const outcome = await writePages(run);
  if (outcome.ok) return outcome;
  await run.sink.abort().catch(() => undefined);
  return outcome;
}

async function writePages({ api, range, sink, signal, onProgress, pageSize = AUDIT_EXPORT_PAGE_MAX }: AuditExportRun): Promise<AuditExportOutcome> {
  const encoder = new TextEncoder();
  const start = await api.call('audit_export_start', range, signal);
  if (signal.aborted) return failed({ kind: 'cancelled' });
  if (!start.ok) return failed(fromRpcFailure(start.error, false));
  const { total } = start.data;
  // Every page reads the range the count was taken over, not "until now".
  const window = { p_from: range.p_from ?? null, p_to: start.data.to };

  let rows = 0;
  let bytes = 0;
  const write = async (text: string): Promise<AuditExportFailure | null> => {
    const chunk = encoder.encode(text);
    try {
      await sink.write(chunk);
    } catch (thrown) {
      return { kind: 'write', message: String(thrown) };
    }
    bytes += chunk.byteLength;
    return null;
  };

  const headerFailure = await write(`${AUDIT_EXPORT_COLUMNS.join(',')}\n`);
  if (headerFailure) return failed(headerFailure);
  onProgress({ rows, total, bytes });

  // The next page starts after the last row of the one before. It is asked for as soon as
  // that page arrives, so the server's work on it overlaps writing the page to disk.
  const ask = (after: { p_after_received_at: string | null; p_after_id: string | null }) =>
    api.call('audit_export_page', { ...window, ...after, p_limit: pageSize }, signal);
  let next = ask({ p_after_received_at: null, p_after_id: null });
  for (;;) {
    const page = await next;
    if (signal.aborted) return failed({ kind: 'cancelled' });
    if (!page.ok) return failed(fromRpcFailure(page.error, rows > 0));
    if (page.data.length > pageSize) {
      return failed({ kind: 'server', status: null, message: `audit_export_page answered ${page.data.length} rows for a page of ${pageSize}` });
    }
    const last = page.data.at(-1);
    // Only an empty page ends the walk: a page cut short (a smaller max_rows, a proxy) just moves the key less far.
    if (!last) break;
    next = ask({ p_after_received_at: last.received_at, p_after_id: last.id });
    const writeFailure = await write(page.data.map(csvLine).join(''));
    if (writeFailure) return failed(writeFailure);
    rows += page.data.length;
    onProgress({ rows, total, bytes });
  }

  if (rows !== total) return failed({ kind: 'count_mismatch', expected: total, received: rows });
  try {
    await sink.close();
  } catch (thrown) {
    return failed({ kind: 'write', message: String(thrown) });
  }
  return { ok: true, rows, bytes };
}

/** One CSV record as COPY writes it: null is an empty field, an empty string is "", and only fields that need it are quoted. */
export function csvLine(row: AuditExportPageRow): string {
  return `${AUDIT_EXPORT_COLUMNS.map((column) => csvField(row[column])).join(',')}\n`;
}

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return text === '' || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function failed(error: AuditExportFailure): AuditExportOutcome {
  return { ok: false, error };
}

function fromRpcFailure(error: RpcFailure, midway: boolean): AuditExportFailure {
  switch (error.kind) {
    case 'network':
      return midway ? { kind: 'interrupted', message: error.message } : { kind: 'offline' };
    case 'contract':
      return { kind: 'server', status: null, message: error.message };
    case 'http':
      if (error.status === 401) return { kind: 'signin' };
      if (error.status === 403) return { kind: 'forbidden' };
      return { kind: 'server', status: error.status, message: error.message };
  }
}
