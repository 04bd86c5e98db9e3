/**
 * The audit CSV export, start to finish: the row count for progress, then the
 * CSV stream written to a sink chunk by chunk as it arrives, counting records
 * on the way. Nothing is buffered here; what the sink keeps is up to the sink.
 * Expected failures (offline, signed out, not allowed, cancelled, disk) come
 * back as values; on any failure the sink is aborted so no half file is kept.
 */
import { csvRecordCounter, dataRows } from '../domain/csv-records';
import type { OnlineApi } from './online-api';
import type { RpcFailure } from './supabase/rpc';
import type { CsvStreamFailure } from './supabase/rpc-csv';
import type { RpcArgs } from './supabase/types';

export interface CsvSink {
  write(chunk: Uint8Array<ArrayBuffer>): Promise<void>;
  /** Everything written is complete: keep it. */
  close(): Promise<void>;
  /** Drop what was written. */
  abort(): Promise<void>;
}

export interface ExportProgress {
  /** Data rows received so far (the header row not counted). */
  rows: number;
  /** Rows the server said the export holds; null when it could not say. */
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
  | { kind: 'write'; message: string };

export type AuditExportOutcome = { ok: true; rows: number; bytes: number } | { ok: false; error: AuditExportFailure };

export interface AuditExportRun {
  api: Pick<OnlineApi, 'call' | 'csv'>;
  range: RpcArgs['audit_export'];
  sink: CsvSink;
  signal: AbortSignal;
  onProgress(progress: ExportProgress): void;
}

export async function exportAuditCsv(run: AuditExportRun): Promise<AuditExportOutcome> {
  const outcome = await streamToSink(run);
  if (outcome.ok) return outcome;
  await run.sink.abort().catch(() => undefined);
  return outcome;
}

async function streamToSink({ api, range, sink, signal, onProgress }: AuditExportRun): Promise<AuditExportOutcome> {
  const count = await api.call('audit_export_count', range);
  if (signal.aborted) return failed({ kind: 'cancelled' });
  if (!count.ok) return failed(fromRpcFailure(count.error));
  const total = count.data;
  onProgress({ rows: 0, total, bytes: 0 });

  const stream = await api.csv('audit_export', range, signal);
  if (!stream.ok) return failed(fromRpcFailure(stream.error));
  const reader = stream.body.getReader();
  const counter = csvRecordCounter();
  let bytes = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
    try {
      next = await reader.read();
    } catch (thrown) {
      return failed(signal.aborted ? { kind: 'cancelled' } : { kind: 'interrupted', message: String(thrown) });
    }
    if (next.done) break;
    try {
      await sink.write(next.value);
    } catch (thrown) {
      await reader.cancel().catch(() => undefined);
      return failed({ kind: 'write', message: String(thrown) });
    }
    bytes += next.value.byteLength;
    onProgress({ rows: dataRows(counter.push(next.value)), total, bytes });
    if (signal.aborted) {
      await reader.cancel().catch(() => undefined);
      return failed({ kind: 'cancelled' });
    }
  }
  const rows = dataRows(counter.finish());
  try {
    await sink.close();
  } catch (thrown) {
    return failed({ kind: 'write', message: String(thrown) });
  }
  onProgress({ rows, total, bytes });
  return { ok: true, rows, bytes };
}

function failed(error: AuditExportFailure): AuditExportOutcome {
  return { ok: false, error };
}

function fromRpcFailure(error: RpcFailure | CsvStreamFailure): AuditExportFailure {
  switch (error.kind) {
    case 'aborted': return { kind: 'cancelled' };
    case 'network': return { kind: 'offline' };
    case 'contract': return { kind: 'server', status: null, message: error.message };
    case 'http':
      if (error.status === 401) return { kind: 'signin' };
      if (error.status === 403) return { kind: 'forbidden' };
      return { kind: 'server', status: error.status, message: error.message };
  }
}
