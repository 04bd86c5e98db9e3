/**
 * Roster import figures (#12 item 2) against Bench Retail (2,000 stores, 50,000
 * people): a 50,000-row file of new people, parsed by the page's own module
 * (parse-roster.ts with papaparse, in Node on a string: the browser reads a File
 * in the same chunks), then the dry run and apply through the HTTP API as HR,
 * with the page's data module, 1,000 rows a call. The import runs once (it
 * writes 50,000 people; a second run would find them unchanged, which is timed
 * too as the repeat). Each call's round trip is kept so the slowest can be held
 * to hosted PostgREST's 8 s statement timeout.
 */
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import type { OnlineApi } from '../../src/data/online-api';
import { applyRoster, dryRunRoster } from '../../src/data/roster/roster-import';
import { callRpc } from '../../src/data/supabase/rpc';
import { parseRoster } from '../../src/features/roster/parse-roster';
import { BENCH_PASSWORD } from './generate-org';
import { type MetricGroup, medianOf, metric, progress, round, timed } from './measure';
import { rosterCsv } from './roster-file';

const ROWS = 50_000;

export const rosterMetrics: MetricGroup = {
  name: 'roster',
  async run({ api, org, pool }) {
    const csv = rosterCsv(ROWS);
    progress(`app.roster_parse_50k_ms: parseRoster on ${ROWS} rows (${(csv.length / 1e6).toFixed(1)} MB) in Node`);
    const parseMs = await medianOf(
      'app.roster_parse_50k_ms',
      async () => {
        const { ms, result } = await timed(() => parseRoster(csv));
        if (!result.ok || result.rows.length !== ROWS) throw new Error(`parsed ${result.ok ? result.rows.length : result.code}`);
        return ms;
      },
      { runs: 3, warmups: 1 },
    );
    const parsed = await parseRoster(csv);
    if (!parsed.ok) throw new Error(parsed.code);

    const client = createClient(api.url, api.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: ws as unknown as typeof WebSocket },
    });
    const { error } = await client.auth.signInWithPassword({ email: org.hr.email, password: BENCH_PASSWORD });
    if (error) throw new Error(`sign-in as ${org.hr.email} failed: ${error.message}`);
    const calls: { name: string; ms: number }[] = [];
    const online: OnlineApi = {
      async call(name, args, signal) {
        const { ms, result } = await timed(() => callRpc(client, name, args, signal));
        calls.push({ name, ms });
        return result;
      },
    };

    progress(`db.roster_import_50k_s: dry run and apply of ${ROWS} rows as ${org.hr.email} through the API`);
    const dry = await timed(() => dryRunRoster(online, parsed.rows, parsed.duplicates));
    if (!dry.result.ok) throw new Error(`dry run failed: ${JSON.stringify(dry.result.failure)}`);
    const plan = dry.result.data;
    if (plan.counts.add !== ROWS) throw new Error(`dry run planned ${JSON.stringify(plan.counts)}, expected ${ROWS} adds`);
    const applied = await timed(() => applyRoster(online, plan));
    if (!applied.result.ok || applied.result.data.added !== ROWS)
      throw new Error(`apply: ${JSON.stringify(applied.result.ok ? applied.result.data.refusedBatches : applied.result.failure)}`);
    const { rows } = await pool.query<{ n: string }>(`select count(*) as n from public.members where org_id = $1 and employee_id like 'R%'`, [org.orgId]);
    if (Number(rows[0]!.n) !== ROWS) throw new Error(`${rows[0]!.n} people after the import, expected ${ROWS}`);
    const slowest = Math.max(...calls.map((c) => c.ms));

    progress('db.roster_reimport_50k_s: the same file again (all unchanged, nothing written)');
    const again = await timed(async () => {
      const replan = await dryRunRoster(online, parsed.rows, parsed.duplicates);
      if (!replan.ok || replan.data.counts.unchanged !== ROWS)
        throw new Error(`re-import planned ${JSON.stringify(replan.ok ? replan.data.counts : replan.failure)}`);
      return applyRoster(online, replan.data);
    });
    return [
      metric('app.roster_parse_50k_ms', parseMs, 'ms', null),
      metric('db.roster_import_50k_s', round((dry.ms + applied.ms) / 1000), 's', 30),
      metric('db.roster_dry_run_50k_s', round(dry.ms / 1000), 's', null),
      metric('db.roster_apply_50k_s', round(applied.ms / 1000), 's', null),
      metric('db.roster_batch_max_ms', round(slowest), 'ms', 8000),
      metric('db.roster_reimport_50k_s', round(again.ms / 1000), 's', null),
    ];
  },
};
