/**
 * Report figures against Bench Retail, measured as its HR (hr.1@bench.test):
 * - db.compliance_dashboard_ms: the dashboard's first screen, compliance_report(30)
 *   (totals, rate over time, the worst 50 stores and briefings), from a pg
 *   client as that user (role authenticated, their JWT claims), median round
 *   trip of the call.
 * - db.compliance_dashboard_kb: the size of that answer's JSON, which must not
 *   grow with the organisation (the rest comes page by page).
 * - db.csv_export_1m_s: the whole audit trail through the HTTP API as the app
 *   fetches it: exportAuditCsv (src/data/insights/audit-export.ts) over supabase-js,
 *   audit_export_start then 1,000-row audit_export_page calls, each page
 *   written as CSV to a sink that counts lines and keeps nothing; from the
 *   first call to the last page, and it must be exactly the 1,000,000
 *   generated acknowledgements plus the header row. Median of EXPORT_RUNS.
 * - db.csv_export_peak_mb: the highest growth of this process's resident memory
 *   (RSS) over its value just before the export, sampled every 10 ms, across
 *   the runs. The bench runs the local stack in-process, so this covers the API
 *   server's side and the exporting client together; Postgres' own memory is
 *   not in it (each page is an index walk from its key, no sort).
 *
 * - db.pending_people_page_ms: "who has not acknowledged this policy in this store"
 *   (issue 13): report_pending_people(first policy, staff.1's store) as HR, the
 *   first page with its summary, as the Reports screen asks it after two taps;
 *   median round trip, as above.
 * - db.pending_people_org_page_ms: the same policy across all 2,000 stores (no store
 *   filter): the first 50 by name plus the summary, which counts all ~50,000 of its
 *   audience and the 20 stores with most still to acknowledge.
 * - db.pending_flow_ms: the database's part of HR's whole way there, as the Reports
 *   screen asks it: report_stores(the store's code) for the store filter, then
 *   compliance_report(30) narrowed to that store, report_briefings(the policy's
 *   title) for "Find a briefing", and report_pending_people for that store; one
 *   after the other, median of the sums. Typing and drawing are not in it.
 *
 * Runs before the db group, which adds acknowledgements to Bench Retail.
 */
import { performance } from 'node:perf_hooks';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { PoolClient } from 'pg';
import ws from 'ws';
import { type CsvSink, exportAuditCsv } from '../../src/data/insights/audit-export';
import { supabaseOnlineApi } from '../../src/data/online-api';
import { AUDIT_EXPORT_COLUMNS, type ComplianceReport, type PendingPeoplePage } from '../../src/data/supabase/types';
import { BENCH_PASSWORD, SIZE } from './generate-org';
import { type BenchContext, type Metric, type MetricGroup, median, medianOf, metric, progress, round, timed } from './measure';
import { asUser, rawQuery } from './user-session';

const EXPORT_RUNS = 3;
/** compliance_report's default p_limit: the rows of each list on the dashboard's first screen. */
const FIRST_PAGE = 50;
const RSS_SAMPLE_MS = 10;

export const reportMetrics: MetricGroup = {
  name: 'report',
  async run(context) {
    const client = await context.pool.connect();
    try {
      return [...(await complianceDashboard(context, client)), ...(await pendingPeople(context, client)), ...(await csvExport(context))];
    } finally {
      client.release();
    }
  },
};

async function complianceDashboard({ org }: BenchContext, client: PoolClient): Promise<Metric[]> {
  progress(`db.compliance_dashboard_ms: compliance_report(30) as ${org.hr.email}`);
  let bytes = 0;
  const ms = await medianOf('db.compliance_dashboard_ms', async () => {
    const { ms, result } = await asUser(client, org.hr.userId, () =>
      timed(() => client.query<{ r: string }>(rawQuery('select public.compliance_report(30) as r'))),
    );
    const text = result.rows[0]!.r;
    const report = JSON.parse(text) as Pick<ComplianceReport, 'acked' | 'briefing_count' | 'store_count' | 'by_briefing' | 'by_store'>;
    // The measured case is the whole organisation with its million acknowledgements counted, and one first page of each list.
    if (
      report.acked < 999_000 ||
      report.briefing_count < SIZE.policies ||
      report.store_count !== SIZE.stores ||
      report.by_briefing.length !== FIRST_PAGE ||
      report.by_store.length !== FIRST_PAGE
    ) {
      throw new Error(
        `compliance_report counted ${report.acked} acknowledgements over ${report.briefing_count} briefings and ${report.store_count} stores, ` +
          `and answered ${report.by_briefing.length} and ${report.by_store.length} rows of them`,
      );
    }
    bytes = Buffer.byteLength(text);
    return ms;
  });
  return [metric('db.compliance_dashboard_ms', ms, 'ms', 300), metric('db.compliance_dashboard_kb', bytes / 1024, 'KB', null)];
}

async function pendingPeople({ org }: BenchContext, client: PoolClient): Promise<Metric[]> {
  const policy = org.policies[0]!.id;
  const [store] = (await client.query<{ store_id: string }>('select store_id from public.members where id = $1', [org.staff.memberId])).rows;
  const page = async (storeId: string | null) => {
    const { ms, result } = await asUser(client, org.hr.userId, () =>
      timed(() =>
        client.query<{ r: string }>(rawQuery(`select public.report_pending_people('${policy}'::uuid, ${storeId ? `'${storeId}'::uuid` : 'null'}) as r`)),
      ),
    );
    const answer = JSON.parse(result.rows[0]!.r) as PendingPeoplePage;
    // The measured case must be a real list: people still to acknowledge, counted.
    if (!answer.summary || answer.summary.pending < 1 || answer.people.length < 1) {
      throw new Error(`report_pending_people answered ${answer.people.length} people, summary ${JSON.stringify(answer.summary)}`);
    }
    return { ms, answer };
  };
  progress(`db.pending_people_page_ms: report_pending_people(first policy, store of ${org.staff.email}) as ${org.hr.email}`);
  let inStore = 0;
  const storeMs = await medianOf('db.pending_people_page_ms', async () => {
    const { ms, answer } = await page(store!.store_id);
    inStore = answer.summary!.pending;
    return ms;
  });
  progress(`  ${inStore} people still to acknowledge in that store`);
  progress('db.pending_people_org_page_ms: the same policy in every store');
  let everywhere = 0;
  const orgMs = await medianOf('db.pending_people_org_page_ms', async () => {
    const { ms, answer } = await page(null);
    everywhere = answer.summary!.pending;
    return ms;
  });
  progress(`  ${everywhere} people still to acknowledge in all stores`);
  const [named] = (
    await client.query<{ code: string; title: string }>(
      'select s.code, (select b.title from public.briefings b where b.id = $2) as title from public.stores s where s.id = $1',
      [store!.store_id, policy],
    )
  ).rows;
  progress(`db.pending_flow_ms: store ${named!.code}, "${named!.title}"`);
  const flowMs = await medianOf('db.pending_flow_ms', async () => {
    const { ms } = await asUser(client, org.hr.userId, () =>
      timed(async () => {
        const stores = await client.query<{ r: string }>(rawQuery('select public.report_stores($1) as r', [named!.code]));
        const storeId = (JSON.parse(stores.rows[0]!.r) as { id: string }[])[0]?.id;
        if (storeId !== store!.store_id) throw new Error(`report_stores(${named!.code}) did not find the store`);
        await client.query(rawQuery('select public.compliance_report(30, 50, $1) as r', [storeId]));
        const found = await client.query<{ r: string }>(rawQuery('select public.report_briefings($1, 30) as r', [named!.title]));
        if (!(JSON.parse(found.rows[0]!.r) as { id: string }[]).some((b) => b.id === policy)) throw new Error('report_briefings did not find the policy');
        await client.query(rawQuery('select public.report_pending_people($1, $2) as r', [policy, storeId]));
      }),
    );
    return ms;
  });
  return [
    metric('db.pending_people_page_ms', storeMs, 'ms', 100),
    metric('db.pending_people_org_page_ms', orgMs, 'ms', 500),
    metric('db.pending_flow_ms', flowMs, 'ms', 1000),
  ];
}

async function csvExport({ api, org }: BenchContext): Promise<Metric[]> {
  const expected = SIZE.members * SIZE.acksPerMember;
  const client = await signedIn(api, org.hr.email);
  progress(`db.csv_export_1m_s: audit_export_page through the API as ${org.hr.email}, ${EXPORT_RUNS} runs`);
  const seconds: number[] = [];
  let peakBytes = 0;
  for (let run = 0; run < EXPORT_RUNS; run++) {
    const baseline = process.memoryUsage.rss();
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, RSS_SAMPLE_MS);
    try {
      const started = performance.now();
      const { lines, bytes } = await pagedExport(client);
      const elapsed = (performance.now() - started) / 1000;
      peak = Math.max(peak, process.memoryUsage.rss());
      if (lines !== expected + 1) throw new Error(`the CSV export has ${lines} lines, expected ${expected} rows and a header`);
      seconds.push(elapsed);
      peakBytes = Math.max(peakBytes, peak - baseline);
      progress(`  run ${run + 1}: ${lines - 1} rows, ${round(bytes / 1e6)} MB in ${round(elapsed)} s, RSS +${round((peak - baseline) / 2 ** 20)} MB`);
    } finally {
      clearInterval(sampler);
    }
  }
  return [metric('db.csv_export_1m_s', median(seconds), 's', null), metric('db.csv_export_peak_mb', peakBytes / 2 ** 20, 'MB', null)];
}

/** The app's exporter into a sink that counts lines as they come and keeps nothing but the header's first bytes. */
async function pagedExport(client: SupabaseClient): Promise<{ lines: number; bytes: number }> {
  let lines = 0;
  let header = '';
  const decoder = new TextDecoder();
  const sink: CsvSink = {
    async write(chunk) {
      if (lines === 0) header += decoder.decode(chunk.subarray(0, 256), { stream: true });
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    },
    async close() {},
    async abort() {},
  };
  const outcome = await exportAuditCsv({
    api: supabaseOnlineApi(client),
    range: {},
    sink,
    signal: new AbortController().signal,
    onProgress: () => undefined,
  });
  if (!outcome.ok) throw new Error(`the paged export failed: ${JSON.stringify(outcome.error)}`);
  if (!header.startsWith(`${AUDIT_EXPORT_COLUMNS.join(',')}\n`)) throw new Error(`unexpected CSV header: ${header.split('\n')[0]}`);
  return { lines, bytes: outcome.bytes };
}

async function signedIn(api: BenchContext['api'], email: string): Promise<SupabaseClient> {
  const client = createClient(api.url, api.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    // Node 20 has no global WebSocket; supabase-js builds its realtime client eagerly.
    realtime: { transport: ws as unknown as typeof WebSocket },
  });
  const { data, error } = await client.auth.signInWithPassword({ email, password: BENCH_PASSWORD });
  if (error || !data.session) throw new Error(`sign-in as ${email} failed: ${error?.message ?? 'no session'}`);
  return client;
}
