/**
 * The audit export in keyset pages, on an organisation of its own with 2,345
 * acknowledgements (more than PostgREST's max_rows), hundreds of them sharing
 * one received_at as a real push does: every page call answers at most 1,000
 * rows, the pages together are exactly what audit_export_start counted, in
 * (received_at, id) order with no row twice; the app's exporter writes the
 * same file through supabase-js; staff and managers are refused.
 */

import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CsvSink, exportAuditCsv } from '../../src/data/insights/audit-export';
import { supabaseOnlineApi } from '../../src/data/online-api';
import { callRpc } from '../../src/data/supabase/rpc';
import { AUDIT_EXPORT_COLUMNS, type AuditExportPageRow, type RpcArgs } from '../../src/data/supabase/types';
import { parseCsv } from '../support/csv';
import { createMember, createOrg, publishBriefing, sql, type TestMember } from './support/fixtures';

const ACKS = 2_345;
let hr: TestMember;
let manager: TestMember;
let staff: TestMember;
let firstReceived: string;

/** Members straight into auth.users and members (no sign-in needed), each acknowledging the briefing once. */
async function bulkAcknowledgements(orgId: string, storeId: string, briefingId: string, count: number, receivedAt: (i: string) => string): Promise<void> {
  await sql(
    `with u as (
       insert into auth.users (id, aud, role, email, created_at, updated_at)
       select gen_random_uuid(), 'authenticated', 'authenticated', format('bulk-%s-%s@test.invalid', $4::text, i), now(), now()
       from generate_series(1, $3::int) i returning id, email),
     m as (
       insert into public.members (user_id, org_id, store_id, role, display_name, email)
       select u.id, $1, $2, 'staff', 'Bulk, "' || u.email || '"', u.email from u returning id)
     insert into public.acknowledgements (id, org_id, briefing_id, version, content_hash, member_id, acked_at, received_at)
     select gen_random_uuid(), $1, v.briefing_id, v.version, v.content_hash, m.id, now() - interval '1 hour', ${receivedAt('row_number() over ()')}
     from m cross join public.briefing_versions v where v.briefing_id = $5 and v.version = 1`,
    [orgId, storeId, count, briefingId.slice(0, 8) + Math.random().toString(36).slice(2, 6), briefingId],
  );
}

async function page(client: SupabaseClient, args: RpcArgs['audit_export_page']): Promise<AuditExportPageRow[]> {
  const outcome = await callRpc(client, 'audit_export_page', args);
  if (!outcome.ok) throw new Error(`audit_export_page failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}

/** Walks every page as the app does, by the last row's key, until an empty page. */
async function walk(client: SupabaseClient, range: { p_from?: string | null; p_to: string }, limit = 1000): Promise<AuditExportPageRow[][]> {
  const pages: AuditExportPageRow[][] = [];
  let last: AuditExportPageRow | undefined;
  for (;;) {
    const rows = await page(client, { ...range, p_after_received_at: last?.received_at ?? null, p_after_id: last?.id ?? null, p_limit: limit });
    if (rows.length === 0) return pages;
    pages.push(rows);
    last = rows.at(-1);
  }
}

function memorySink(): CsvSink & { text(): string; state: string } {
  const parts: Uint8Array[] = [];
  const sink = {
    state: 'open',
    async write(chunk: Uint8Array<ArrayBuffer>) {
      parts.push(chunk);
    },
    async close() {
      sink.state = 'closed';
    },
    async abort() {
      sink.state = 'aborted';
    },
    text: () => Buffer.concat(parts).toString('utf8'),
  };
  return sink;
}

beforeAll(async () => {
  const org = await createOrg();
  [hr, manager, staff] = await Promise.all([
    createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null, role: 'manager', manages: [org.storeId] }),
    createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId }),
  ]);
  const briefingId = await publishBriefing(hr.client, { kind: 'policy', title: '=Cash, "twice"', body: 'Count twice.' });
  // 1,500 received in one instant (as one big push is), the rest a millisecond apart.
  await bulkAcknowledgements(org.orgId, org.storeId, briefingId, 1_500, () => `timestamptz '2026-01-10 09:00:00+00'`);
  await bulkAcknowledgements(org.orgId, org.storeId, briefingId, ACKS - 1_500, (i) => `timestamptz '2026-01-10 09:00:01+00' + ${i} * interval '1 millisecond'`);
  firstReceived = '2026-01-10T09:00:00Z';
});

describe('audit_export_start and audit_export_page', () => {
  it('HR: pages of at most 1,000 rows that together are exactly the counted rows, in key order, none twice', async () => {
    const start = await callRpc(hr.client, 'audit_export_start', {});
    if (!start.ok) throw new Error(JSON.stringify(start.error));
    expect(start.data.total).toBe(ACKS);
    expect(Date.parse(start.data.to)).toBeLessThanOrEqual(Date.now() + 1_000);

    const pages = await walk(hr.client, { p_to: start.data.to });
    expect(pages.map((p) => p.length)).toEqual([1000, 1000, 345]);
    const rows = pages.flat();
    expect(new Set(rows.map((r) => r.id)).size).toBe(ACKS);
    const keys = rows.map((r) => `${new Date(r.received_at).toISOString()} ${r.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(rows[0]).toMatchObject({ briefing: '\'=Cash, "twice"', store: 'Harbour', version: 1, clock_flag: null });
    expect(rows[0]!.received_by_server_at).toMatch(/^2026-01-10 09:00:00(\+00)?/);
  });

  it('smaller pages walk the same rows, and a range gives what audit_export_count says for it', async () => {
    const all = (await walk(hr.client, { p_to: '2027-01-01T00:00:00Z' })).flat().map((r) => r.id);
    const small = await walk(hr.client, { p_to: '2027-01-01T00:00:00Z' }, 333);
    expect(small.every((p) => p.length <= 333)).toBe(true);
    expect(small.flat().map((r) => r.id)).toEqual(all);

    const range = { p_from: '2026-01-10T09:00:01.100Z', p_to: '2026-01-10T09:00:01.500Z' };
    const inRange = (await walk(hr.client, range)).flat();
    const count = await callRpc(hr.client, 'audit_export_count', range);
    expect(count.ok && count.data).toBe(400);
    expect(inRange).toHaveLength(400);
    const start = await callRpc(hr.client, 'audit_export_start', range);
    expect(start.ok && [start.data.total, Date.parse(start.data.to)]).toEqual([400, Date.parse(range.p_to)]);
  });

  it("the app's exporter writes a header and every counted row through supabase-js", async () => {
    const sink = memorySink();
    const outcome = await exportAuditCsv({
      api: supabaseOnlineApi(hr.client),
      range: { p_from: firstReceived, p_to: null },
      sink,
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    expect(outcome).toMatchObject({ ok: true, rows: ACKS });
    expect(sink.state).toBe('closed');
    const [header, ...records] = parseCsv(sink.text());
    expect(header).toEqual([...AUDIT_EXPORT_COLUMNS]);
    expect(records).toHaveLength(ACKS);
    expect(records[0]![0]).toMatch(/^Bulk, "bulk-/);
  });

  it('writes the same bytes as the one-call CSV export did, for a range that fits one call', async () => {
    const range = { p_from: '2026-01-10T09:00:01.000Z', p_to: '2026-01-10T09:00:01.2005Z' };
    const { data, status } = await hr.client.rpc('audit_export', range).csv();
    expect(status).toBe(200);
    const sink = memorySink();
    const outcome = await exportAuditCsv({
      api: supabaseOnlineApi(hr.client),
      range,
      sink,
      signal: new AbortController().signal,
      onProgress: () => undefined,
      pageSize: 70,
    });
    expect(outcome).toMatchObject({ ok: true, rows: 200 });
    expect(sink.text()).toBe(data as unknown as string);
  });

  it('refuses staff and managers (403 forbidden), pages over 1,000 rows and half a key (400)', async () => {
    for (const member of [staff, manager]) {
      for (const outcome of [
        await callRpc(member.client, 'audit_export_start', {}),
        await callRpc(member.client, 'audit_export_page', { p_to: '2027-01-01T00:00:00Z' }),
      ]) {
        expect(!outcome.ok && outcome.error.kind === 'http' && [outcome.error.status, outcome.error.details]).toEqual([403, 'forbidden']);
      }
    }
    for (const args of [{ p_limit: 1001 }, { p_limit: 0 }, { p_after_id: hr.memberId }]) {
      const outcome = await callRpc(hr.client, 'audit_export_page', args);
      expect(!outcome.ok && outcome.error.kind === 'http' && outcome.error.status, JSON.stringify(args)).toBe(400);
    }
  });
});
