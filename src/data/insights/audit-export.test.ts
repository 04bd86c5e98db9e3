import { describe, expect, it } from 'vitest';
import type { OnlineApi } from '../online-api';
import type { RpcFailure, RpcOutcome } from '../supabase/rpc';
import { AUDIT_EXPORT_COLUMNS, type AuditExportPageRow, type RpcArgs } from '../supabase/types';
import { type CsvSink, csvLine, type ExportProgress, exportAuditCsv } from './audit-export';

const HEADER = `${AUDIT_EXPORT_COLUMNS.join(',')}\n`;
const TO = '2026-12-05T12:00:00+00:00';

function row(n: number, fields: Partial<AuditExportPageRow> = {}): AuditExportPageRow {
  const second = String(n).padStart(2, '0');
  return {
    id: `00000000-0000-4000-8000-0000000000${second}`,
    received_at: `2026-12-05T10:00:${second}+00:00`,
    person: `Person ${n}`,
    employee_email: `p${n}@x.test`,
    store: 'Downtown',
    briefing: 'Close, then lock',
    version: 1,
    content_hash: 'abc',
    acked_on_device_at: `2026-12-05 10:00:${second}+00`,
    received_by_server_at: `2026-12-05 10:00:${second}+00`,
    clock_flag: null,
    language: 'en',
    ...fields,
  };
}
const ROWS = [1, 2, 3, 4, 5].map((n) => row(n));

/** A sink that remembers what it was given. */
function memorySink(failOnWrite = -1): CsvSink & { written: Uint8Array[]; state: 'open' | 'closed' | 'aborted' } {
  const sink = {
    written: [] as Uint8Array[],
    state: 'open' as 'open' | 'closed' | 'aborted',
    async write(chunk: Uint8Array<ArrayBuffer>) {
      if (sink.written.length === failOnWrite) throw new Error('disk full');
      sink.written.push(chunk.slice());
    },
    async close() {
      sink.state = 'closed';
    },
    async abort() {
      sink.state = 'aborted';
    },
  };
  return sink;
}

interface FakeServer {
  rows?: AuditExportPageRow[];
  total?: number;
  /** Rows the server answers at most, whatever was asked (a smaller max_rows). */
  cap?: number;
  /** Changes the answer to the n-th page call (0-based). */
  tamper?: (call: number, page: AuditExportPageRow[]) => AuditExportPageRow[];
  fail?: { call: 'start' | number; error: RpcFailure };
  /** Resolves when the test lets the n-th page call answer. */
  gate?: { call: number; open: Promise<void> };
}

/** The keyset walk as the SQL does it, over `rows` in (received_at, id) order. */
function fakeApi(server: FakeServer = {}) {
  const rows = server.rows ?? ROWS;
  const pageCalls: RpcArgs['audit_export_page'][] = [];
  const startCalls: RpcArgs['audit_export_start'][] = [];
  const answer = <T>(data: T): RpcOutcome<T> => ({ ok: true, data });
  const api: Pick<OnlineApi, 'call'> = {
    call: (async (name: string, args: never) => {
      if (name === 'audit_export_start') {
        startCalls.push(args);
        if (server.fail?.call === 'start') return { ok: false, error: server.fail.error };
        return answer({ from: null, to: TO, total: server.total ?? rows.length });
      }
      const call = pageCalls.push(args) - 1;
      const page: RpcArgs['audit_export_page'] = args;
      if (server.gate?.call === call) await server.gate.open;
      if (server.fail?.call === call) return { ok: false, error: server.fail.error };
      const start = page.p_after_id ? rows.findIndex((r) => r.id === page.p_after_id) + 1 : 0;
      const taken = rows.slice(start, start + Math.min(page.p_limit ?? 1000, server.cap ?? 1000));
      return answer(server.tamper ? server.tamper(call, taken) : taken);
    }) as OnlineApi['call'],
  };
  return { api, pageCalls, startCalls };
}

function run(api: Pick<OnlineApi, 'call'>, options: { sink?: CsvSink; controller?: AbortController; pageSize?: number } = {}) {
  const progress: ExportProgress[] = [];
  const sink = options.sink ?? memorySink();
  const promise = exportAuditCsv({
    api,
    range: { p_from: '2026-01-01T00:00:00.000Z', p_to: null },
    sink,
    pageSize: options.pageSize ?? 2,
    signal: (options.controller ?? new AbortController()).signal,
    onProgress: (p) => progress.push(p),
  });
  return { promise, progress };
}

const text = (parts: Uint8Array[]) => Buffer.concat(parts.map((p) => Buffer.from(p))).toString('utf8');

describe('exportAuditCsv', () => {
  it('walks the pages by key within the counted range and writes a header and every row', async () => {
    const { api, pageCalls, startCalls } = fakeApi();
    const sink = memorySink();
    const { promise, progress } = run(api, { sink });
    const expected = HEADER + ROWS.map(csvLine).join('');
    expect(await promise).toEqual({ ok: true, rows: 5, bytes: Buffer.byteLength(expected) });
    expect(text(sink.written)).toBe(expected);
    expect(sink.state).toBe('closed');
    expect(startCalls).toEqual([{ p_from: '2026-01-01T00:00:00.000Z', p_to: null }]);
    expect(pageCalls.map((c) => [c.p_to, c.p_after_id, c.p_limit])).toEqual([
      [TO, null, 2],
      [TO, ROWS[1]!.id, 2],
      [TO, ROWS[3]!.id, 2],
      [TO, ROWS[4]!.id, 2],
    ]);
    expect(pageCalls[1]!.p_after_received_at).toBe(ROWS[1]!.received_at);
    expect(progress.map((p) => [p.rows, p.total])).toEqual([
      [0, 5],
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it('asks for the next page before writing the one it has, so the server and the disk work at once', async () => {
    const sink = memorySink();
    const { api, pageCalls } = fakeApi();
    const writtenWhenAsked: number[] = [];
    const call = api.call;
    api.call = ((name: string, args: never, signal: AbortSignal) => {
      if (name === 'audit_export_page') writtenWhenAsked.push(sink.written.length);
      return call(name as 'audit_export_page', args, signal);
    }) as OnlineApi['call'];
    const { promise } = run(api, { sink });
    expect(await promise).toMatchObject({ ok: true, rows: 5 });
    expect(pageCalls).toHaveLength(4);
    // The header, then each page asked for while the page before it was still unwritten.
    expect(writtenWhenAsked).toEqual([1, 1, 2, 3]);
  });

  it('writes the header alone when the range is empty', async () => {
    const sink = memorySink();
    expect(await run(fakeApi({ rows: [] }).api, { sink }).promise).toEqual({ ok: true, rows: 0, bytes: HEADER.length });
    expect(text(sink.written)).toBe(HEADER);
  });

  it('is still complete when the server answers fewer rows than asked (a smaller max_rows)', async () => {
    const sink = memorySink();
    const { promise } = run(fakeApi({ cap: 1 }).api, { sink, pageSize: 3 });
    expect(await promise).toMatchObject({ ok: true, rows: 5 });
    expect(text(sink.written)).toBe(HEADER + ROWS.map(csvLine).join(''));
  });

  it('fails and discards the file when a page lost rows, naming expected and received', async () => {
    const sink = memorySink();
    const dropMiddle = (call: number, page: AuditExportPageRow[]) => (call === 1 ? page.slice(1) : page);
    expect(await run(fakeApi({ tamper: dropMiddle }).api, { sink }).promise).toEqual({
      ok: false,
      error: { kind: 'count_mismatch', expected: 5, received: 4 },
    });
    expect(sink.state).toBe('aborted');
  });

  it('fails when the pages hold more rows than were counted', async () => {
    expect(await run(fakeApi({ total: 4 }).api).promise).toEqual({ ok: false, error: { kind: 'count_mismatch', expected: 4, received: 5 } });
  });

  it('refuses a page longer than asked for', async () => {
    const outcome = await run(fakeApi({ tamper: (_call, page) => [...page, row(9)] }).api).promise;
    expect(outcome.ok === false && outcome.error.kind).toBe('server');
  });

  it('stops on cancel, aborts the sink and says so', async () => {
    let open!: () => void;
    const gate = { call: 1, open: new Promise<void>((resolve) => (open = resolve)) };
    const controller = new AbortController();
    const sink = memorySink();
    const { promise, progress } = run(fakeApi({ gate }).api, { sink, controller });
    while (progress.length < 2) await new Promise((resolve) => setTimeout(resolve, 0));
    controller.abort();
    open();
    expect(await promise).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(sink.state).toBe('aborted');
    expect(sink.written).toHaveLength(2);
  });

  it.each([
    [401, { kind: 'signin' }],
    [403, { kind: 'forbidden' }],
    [500, { kind: 'server', status: 500, message: 'boom' }],
  ] as const)('turns HTTP %i into a value', async (status, error) => {
    const sink = memorySink();
    const failure = { call: 0, error: { kind: 'http', status, code: 'x', message: 'boom', details: null } } as const;
    expect(await run(fakeApi({ fail: failure }).api, { sink }).promise).toEqual({ ok: false, error });
    expect(sink.state).toBe('aborted');
  });

  it('says offline when the start fails for the network, interrupted when a later page does', async () => {
    const network = { kind: 'network', message: 'Failed to fetch' } as const;
    const sink = memorySink();
    expect(await run(fakeApi({ fail: { call: 'start', error: network } }).api, { sink }).promise).toEqual({ ok: false, error: { kind: 'offline' } });
    expect(sink.written).toHaveLength(0);
    expect(await run(fakeApi({ fail: { call: 1, error: network } }).api).promise).toEqual({
      ok: false,
      error: { kind: 'interrupted', message: 'Failed to fetch' },
    });
  });

  it('stops and reports a failed write', async () => {
    const sink = memorySink(1);
    expect(await run(fakeApi().api, { sink }).promise).toEqual({ ok: false, error: { kind: 'write', message: 'Error: disk full' } });
    expect(sink.state).toBe('aborted');
  });
});

describe('csvLine', () => {
  it('quotes as COPY does: only fields with a comma, quote or line break, and empty strings; null stays empty', () => {
    const line = csvLine(
      row(1, { person: 'Ana "the boss"', store: null, briefing: 'Two\nlines', content_hash: '', clock_flag: 'device_ahead', language: 'es' }),
    );
    expect(line).toBe('"Ana ""the boss""",p1@x.test,,"Two\nlines",1,"",2026-12-05 10:00:01+00,2026-12-05 10:00:01+00,device_ahead,es\n');
  });
});
