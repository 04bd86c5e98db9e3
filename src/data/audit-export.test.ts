import { describe, expect, it } from 'vitest';
import { exportAuditCsv, type CsvSink, type ExportProgress } from './audit-export';
import { supabaseOnlineApi } from './online-api';
import { streamRpcCsv, type ApiEndpoint } from './supabase/rpc-csv';
import type { OnlineApi } from './online-api';

const encoder = new TextEncoder();
const HEADER = 'person,employee_email,store,briefing\n';
const ROWS = ['Ana,ana@x.test,Downtown,"Close, then lock"\n', 'Ben,ben@x.test,,"Say ""hi""\nand smile"\n', 'Cy,cy@x.test,Riverside,Returns\n'];

/** A sink that remembers what it was given. */
function memorySink(failOnWrite = -1): CsvSink & { written: Uint8Array[]; state: 'open' | 'closed' | 'aborted' } {
  const sink = {
    written: [] as Uint8Array[],
    state: 'open' as 'open' | 'closed' | 'aborted',
    async write(chunk: Uint8Array<ArrayBuffer>) {
      if (sink.written.length === failOnWrite) throw new Error('disk full');
      sink.written.push(chunk.slice());
    },
    async close() { sink.state = 'closed'; },
    async abort() { sink.state = 'aborted'; },
  };
  return sink;
}

/** A CSV body split at awkward places: mid-field, mid-quote, mid-character. */
function chunked(text: string, sizes: number[]): Uint8Array<ArrayBuffer>[] {
  const all = encoder.encode(text);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let at = 0;
  for (let i = 0; at < all.length; i++) {
    const size = sizes[i % sizes.length]!;
    chunks.push(all.slice(at, at + size));
    at += size;
  }
  return chunks;
}

/** A fake fetch answering the CSV call with a stream of these chunks, pausing on `gate` before the chunk at `gateAt`. */
function fakeFetch(chunks: Uint8Array<ArrayBuffer>[], options: { status?: number; body?: string; gateAt?: number; gate?: Promise<void> } = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    if (options.status) return new Response(options.body ?? '', { status: options.status });
    let sent = 0;
    const signal = init?.signal;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === options.gateAt) await options.gate;
        if (signal?.aborted) return controller.error(new DOMException('aborted', 'AbortError'));
        if (sent === chunks.length) return controller.close();
        controller.enqueue(chunks[sent++]!);
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/csv' } });
  }) satisfies typeof fetch;
  return { fetcher, calls };
}

function api(fetcher: typeof fetch, total: number | 'offline' = ROWS.length): Pick<OnlineApi, 'call' | 'csv'> {
  const endpoint: ApiEndpoint = { url: 'https://api.test', anonKey: 'anon', accessToken: async () => 'jwt', fetch: fetcher };
  return {
    call: (async () => (total === 'offline'
      ? { ok: false, error: { kind: 'network', message: 'Failed to fetch' } }
      : { ok: true, data: total })) as OnlineApi['call'],
    csv: (name, args, signal) => streamRpcCsv(endpoint, name, args, signal),
  };
}

function run(options: { api: Pick<OnlineApi, 'call' | 'csv'>; sink?: CsvSink; controller?: AbortController }) {
  const progress: ExportProgress[] = [];
  const sink = options.sink ?? memorySink();
  const promise = exportAuditCsv({
    api: options.api, range: { p_from: '2026-01-01T00:00:00.000Z', p_to: null }, sink,
    signal: (options.controller ?? new AbortController()).signal, onProgress: (p) => progress.push(p),
  });
  return { promise, progress };
}

const concat = (parts: Uint8Array[]) => Buffer.concat(parts.map((p) => Buffer.from(p))).toString('utf8');

describe('exportAuditCsv', () => {
  it('writes every byte received, in order, and reports rows as they arrive', async () => {
    const text = HEADER + ROWS.join('');
    const { fetcher, calls } = fakeFetch(chunked(text, [7, 3, 11]));
    const sink = memorySink();
    const { promise, progress } = run({ api: api(fetcher), sink });
    expect(await promise).toEqual({ ok: true, rows: 3, bytes: encoder.encode(text).length });
    expect(concat(sink.written)).toBe(text);
    expect(sink.state).toBe('closed');
    expect(progress[0]).toEqual({ rows: 0, total: 3, bytes: 0 });
    expect(progress.map((p) => p.rows)).toEqual([...progress.map((p) => p.rows)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ rows: 3, total: 3, bytes: encoder.encode(text).length });
    expect(calls[0]!.url).toBe('https://api.test/rest/v1/rpc/audit_export');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.headers).toEqual({ apikey: 'anon', Authorization: 'Bearer jwt', 'Content-Type': 'application/json', Accept: 'text/csv' });
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ p_from: '2026-01-01T00:00:00.000Z', p_to: null });
  });

  it('stops on cancel, aborts the sink and says so', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { fetcher } = fakeFetch(chunked(HEADER + ROWS.join(''), [10]), { gateAt: 2, gate });
    const controller = new AbortController();
    const sink = memorySink();
    const { promise, progress } = run({ api: api(fetcher), sink, controller });
    while (progress.filter((p) => p.bytes > 0).length < 2) await new Promise((resolve) => setTimeout(resolve, 0));
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
    const body = JSON.stringify({ code: status === 403 ? '42501' : 'XX000', message: 'boom', details: null, hint: null });
    const { fetcher } = fakeFetch([], { status, body });
    const sink = memorySink();
    expect(await run({ api: api(fetcher), sink }).promise).toEqual({ ok: false, error });
    expect(sink.state).toBe('aborted');
  });

  it('reports offline before streaming anything when the count cannot be fetched', async () => {
    const { fetcher, calls } = fakeFetch([]);
    expect(await run({ api: api(fetcher, 'offline') }).promise).toEqual({ ok: false, error: { kind: 'offline' } });
    expect(calls).toHaveLength(0);
  });

  it('reports offline when the CSV request itself fails', async () => {
    const failing = (async () => { throw new TypeError('Failed to fetch'); }) satisfies typeof fetch;
    expect(await run({ api: api(failing) }).promise).toEqual({ ok: false, error: { kind: 'offline' } });
  });

  it('stops reading and reports a failed write', async () => {
    const { fetcher } = fakeFetch(chunked(HEADER + ROWS.join(''), [5]));
    const sink = memorySink(1);
    const outcome = await run({ api: api(fetcher), sink }).promise;
    expect(outcome).toEqual({ ok: false, error: { kind: 'write', message: 'Error: disk full' } });
    expect(sink.state).toBe('aborted');
  });
});

describe('supabaseOnlineApi().csv', () => {
  it('refuses to stream without a session, as a 401 value', async () => {
    const client = { auth: { getSession: async () => ({ data: { session: null } }) } };
    const online = supabaseOnlineApi(client as unknown as Parameters<typeof supabaseOnlineApi>[0], { url: 'https://api.test', anonKey: 'anon' });
    const outcome = await online.csv('audit_export', {}, new AbortController().signal);
    expect(outcome).toEqual({ ok: false, error: { kind: 'http', status: 401, code: 'no_session', message: 'Not signed in', details: null } });
  });
});
