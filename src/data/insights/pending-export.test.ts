import { describe, expect, it } from 'vitest';
import type { OnlineApi } from '../online-api';
import type { RpcOutcome } from '../supabase/rpc';
import { PENDING_CSV_COLUMNS, type PendingCsvRow, type RpcArgs } from '../supabase/types';
import type { CsvSink } from './audit-export';
import { exportPendingCsv } from './pending-export';

const person = (n: number, fields: Partial<PendingCsvRow> = {}): PendingCsvRow => ({
  member_id: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
  display_name: `Person ${String(n).padStart(2, '0')}`,
  person: `Person ${String(n).padStart(2, '0')}`,
  employee_id: `E${n}`,
  email: null,
  store: 'Downtown',
  department: 'Checkout',
  notifications: 'no',
  ...fields,
});

function memorySink(): CsvSink & { text(): string; state: string } {
  const parts: Uint8Array[] = [];
  const sink = {
    state: 'open',
    async write(chunk: Uint8Array<ArrayBuffer>) {
      parts.push(chunk.slice());
    },
    async close() {
      sink.state = 'closed';
    },
    async abort() {
      sink.state = 'aborted';
    },
    text: () => new TextDecoder().decode(Buffer.concat(parts)),
  };
  return sink;
}

/** The keyset walk as the SQL does it, answering at most `cap` rows whatever is asked (a smaller max_rows). */
function server(rows: PendingCsvRow[], cap = Number.POSITIVE_INFINITY, failAt = -1) {
  const asked: RpcArgs['report_pending_csv_page'][] = [];
  const api: Pick<OnlineApi, 'call'> = {
    call: (async (_name: string, args: RpcArgs['report_pending_csv_page']) => {
      asked.push(args);
      if (asked.length - 1 === failAt) return { ok: false, error: { kind: 'network', message: 'dropped' } };
      const after = rows.findIndex((r) => r.member_id === args.p_after_id);
      const page = rows.slice(after + 1, after + 1 + Math.min(args.p_limit ?? 1000, cap));
      return { ok: true, data: page } satisfies RpcOutcome<PendingCsvRow[]>;
    }) as OnlineApi['call'],
  };
  return { api, asked };
}

describe('exportPendingCsv', () => {
  it('walks pages by the last row’s key until an empty page, with the filters on every call, even when pages come back short', async () => {
    const rows = [1, 2, 3, 4, 5].map((n) => person(n));
    const { api, asked } = server(rows, 2);
    const sink = memorySink();
    const filters = { p_briefing_id: 'b', p_store_id: 's', p_department_id: 'd', p_search: null };
    expect(await exportPendingCsv(api, filters, sink, 3)).toEqual({ ok: true, rows: 5 });
    expect(sink.state).toBe('closed');
    const lines = sink.text().trimEnd().split('\n');
    expect(lines[0]).toBe(PENDING_CSV_COLUMNS.join(','));
    expect(lines.slice(1)).toEqual(rows.map((r) => `${r.person},${r.employee_id},,Downtown,Checkout,no`));
    expect(asked.map((a) => a.p_after_id ?? null)).toEqual([null, rows[1]!.member_id, rows[3]!.member_id, rows[4]!.member_id]);
    expect(asked.every((a) => a.p_store_id === 's' && a.p_department_id === 'd' && a.p_limit === 3)).toBe(true);
  });

  it('quotes what needs quoting and keeps the server’s formula guard', async () => {
    const { api } = server([person(1, { person: `'=SUM(A1)`, store: 'Down, "town"' })]);
    const sink = memorySink();
    await exportPendingCsv(api, { p_briefing_id: 'b' }, sink);
    expect(sink.text().split('\n')[1]).toBe(`'=SUM(A1),E1,,"Down, ""town""",Checkout,no`);
  });

  it('a failed page discards the file', async () => {
    const { api } = server(
      [1, 2, 3].map((n) => person(n)),
      1,
      1,
    );
    const sink = memorySink();
    const outcome = await exportPendingCsv(api, { p_briefing_id: 'b' }, sink, 1);
    expect(outcome.ok).toBe(false);
    expect(sink.state).toBe('aborted');
  });
});
