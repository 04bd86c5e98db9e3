import { describe, expect, it } from 'vitest';
import type { OnlineApi } from '../online-api';
import type { RpcOutcome } from '../supabase/rpc';
import type { AdminAuditExportRow, RpcArgs, RpcName } from '../supabase/types';
import { auditLogCsvLine, exportAuditLogCsv } from './audit-log';
import { adminFailure } from './outcome';
import { savePerson, setPersonActive } from './people';

/** An API that records each call and answers from `answer`. */
function fakeApi(answer: (name: RpcName, args: unknown) => RpcOutcome<unknown>): OnlineApi & { calls: Array<[RpcName, unknown]> } {
  const calls: Array<[RpcName, unknown]> = [];
  return {
    calls,
    call: (async (name: RpcName, args: unknown) => {
      calls.push([name, args]);
      return answer(name, args);
    }) as OnlineApi['call'],
  };
}

const http = (status: number, code: string, details: string | null): RpcOutcome<never> => ({
  ok: false,
  error: { kind: 'http', status, code, message: 'words', details },
});

describe('adminFailure', () => {
  it('answers the server codes, never its words', () => {
    expect(adminFailure({ kind: 'network', message: 'x' })).toEqual({ kind: 'offline' });
    const refused = http(403, '42501', 'store_not_managed');
    expect(!refused.ok && adminFailure(refused.error)).toEqual({ kind: 'forbidden', code: 'store_not_managed' });
    const inactive = http(403, '42501', 'member_inactive');
    expect(!inactive.ok && adminFailure(inactive.error)).toEqual({ kind: 'forbidden', code: 'forbidden' });
    const duplicate = http(400, '22023', 'duplicate_employee_id');
    expect(!duplicate.ok && adminFailure(duplicate.error)).toEqual({ kind: 'invalid', code: 'duplicate_employee_id' });
    const other = http(500, 'XX000', null);
    expect(!other.ok && adminFailure(other.error)).toMatchObject({ kind: 'failed' });
  });
});

describe('savePerson and setPersonActive', () => {
  it('clean the text, send empty optional fields as null and keep absent keys absent', async () => {
    const api = fakeApi(() => http(400, '22023', 'invalid_email'));
    const outcome = await savePerson(api, { id: 'p1', display_name: '  Ana\u0007 Silva ', email: '  ', phone: ' +1 555 ' });
    expect(outcome).toEqual({ ok: false, failure: { kind: 'invalid', code: 'invalid_email' } });
    expect(api.calls).toEqual([['admin_save_person', { p_person: { id: 'p1', display_name: 'Ana Silva', email: null, phone: '+1 555' } }]]);
    await setPersonActive(api, 'p1', false, '   ');
    expect(api.calls[1]).toEqual(['admin_set_person_active', { p_member_id: 'p1', p_active: false, p_reason: null }]);
  });
});

/** A sink that keeps what it was given and how it ended. */
function memorySink(written: string[]) {
  const sink = {
    state: 'open' as 'open' | 'closed' | 'aborted',
    async write(chunk: Uint8Array) {
      written.push(new TextDecoder().decode(chunk));
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

describe('exportAuditLogCsv', () => {
  const row = (id: number, fields: Partial<AdminAuditExportRow> = {}): AdminAuditExportRow => ({
    id,
    at: `2026-12-05T10:00:0${id}+00:00`,
    at_text: `2026-12-05 10:00:0${id}+00`,
    action: 'person_updated',
    actor: 'Hana Reyes',
    person: 'Alex Kim',
    employee_id: 'E1004',
    store: null,
    department: null,
    changed_fields: 'phone',
    before: '{"phone": null}',
    after: '{"phone": "+1 555"}',
    reason: null,
    ...fields,
  });

  it('walks the pages after the last row until an empty one and writes quoted CSV', async () => {
    const pages = [[row(3), row(2)], [row(1, { reason: "'=1+1, said HR" })], []];
    const api = fakeApi(() => ({ ok: true, data: pages.shift() }));
    const written: string[] = [];
    const sink = memorySink(written);
    const outcome = await exportAuditLogCsv({ api, sink, signal: new AbortController().signal, pageSize: 2 });
    expect(outcome).toEqual({ ok: true, rows: 3 });
    expect(sink.state).toBe('closed');
    expect((api.calls as Array<[RpcName, RpcArgs['admin_audit_export_page']]>).map(([, args]) => [args.p_after_at, args.p_after_id])).toEqual([
      [null, null],
      [row(2).at, 2],
      [row(1).at, 1],
    ]);
    expect(written[0]).toBe('at_text,action,actor,person,employee_id,store,department,changed_fields,before,after,reason\n');
    expect(written.join('')).toContain(`,"'=1+1, said HR"\n`);
    expect(auditLogCsvLine(row(1))).toBe(
      '2026-12-05 10:00:01+00,person_updated,Hana Reyes,Alex Kim,E1004,,,phone,"{""phone"": null}","{""phone"": ""+1 555""}",\n',
    );
  });

  it('aborts the file when a page is refused', async () => {
    const api = fakeApi(() => http(403, '42501', 'forbidden'));
    const sink = memorySink([]);
    expect(await exportAuditLogCsv({ api, sink, signal: new AbortController().signal })).toEqual({
      ok: false,
      failure: { kind: 'forbidden', code: 'forbidden' },
    });
    expect(sink.state).toBe('aborted');
  });
});
