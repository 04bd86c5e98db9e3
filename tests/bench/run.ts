/**
 * `npm run bench`: starts the local stack on free ports with a throwaway data
 * directory, generates Bench Retail, runs every metric group, prints one JSON
 * line per figure on stdout, writes them all to bench-results.json, stops the
 * stack. A missed target is listed on stderr but does not fail the run; a
 * measurement that cannot be made (wrong page size, failed call) does.
 *
 * BENCH_RUNS / BENCH_WARMUPS change the number of samples (default 9 after 2);
 * BENCH_BROWSER_RUNS those of the browser figures that need a fresh profile each
 * (default 3 after 1). BENCH_GROUPS=push,db runs only those groups (by name), to
 * measure one change without the whole hour.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import webpush from 'web-push';
import { pushSenderFunction, vapidSecrets } from '../../scripts/local-push-sender';
import { PUSH_SENDER_NAME } from '../../supabase/functions/push-sender/handler';
import { type Stack, startStack } from '../../supabase/local/stack';
import { apiMetrics } from './api-metrics';
import { appMetrics } from './app-metrics';
import { dbMetrics } from './db-metrics';
import { generateBenchOrg } from './generate-org';
import { type Metric, type MetricGroup, missedTarget, printMetric, progress } from './measure';
import { pushMetrics } from './push-metrics';
import { reportMetrics } from './report-metrics';
import { rosterMetrics } from './roster-metrics';
import { stormMetrics } from './storm-metrics';

/**
 * In print order. Reports first: the CSV export checks Bench Retail's exact
 * million, which the db group adds to. The storm after the others: it adds 10,000
 * acknowledgements the other figures must not see. Push last: it publishes a policy
 * to the whole organisation (and adds then deletes 50,000 devices).
 * Roster after push: it adds 50,000 people to Bench Retail.
 */
const GROUPS: MetricGroup[] = [reportMetrics, dbMetrics, apiMetrics, appMetrics, stormMetrics, pushMetrics, rosterMetrics];

function selectedGroups(): MetricGroup[] {
  const names = process.env.BENCH_GROUPS?.split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (!names?.length) return GROUPS;
  const unknown = names.filter((n) => !GROUPS.some((g) => g.name === n));
  if (unknown.length) throw new Error(`BENCH_GROUPS names no group ${unknown.join(', ')} (groups: ${GROUPS.map((g) => g.name).join(', ')})`);
  return GROUPS.filter((g) => names.includes(g.name));
}

const RESULTS_FILE = fileURLToPath(new URL('../../bench-results.json', import.meta.url));

async function main(): Promise<number> {
  const groups = selectedGroups();
  const tempDir = await mkdtemp(join(tmpdir(), 'frontline-bench-'));
  let stack: Stack | undefined;
  const stop = async () => {
    await stack?.stop();
    await rm(tempDir, { recursive: true, force: true });
  };
  // Ctrl-C must not leave an embedded Postgres running.
  const interrupted = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  const metrics: Metric[] = [];
  const failures: string[] = [];
  try {
    progress('starting the local stack');
    stack = await startStack({
      dataDir: join(tempDir, 'pg'),
      persistent: false,
      apiPort: 0,
      dbPort: 0,
      seed: true,
      // The push sender as npm start serves it (push.fanout_50k_s calls it).
      functions: { [PUSH_SENDER_NAME]: pushSenderFunction },
      functionSecrets: vapidSecrets({ ...webpush.generateVAPIDKeys(), subject: 'mailto:bench@frontline.test' }),
      // Only the push sender's troubles (failures, retries): its reports would be hundreds of lines.
      log: (line) => {
        if (line.startsWith('push-sender') && (!/^push-sender g\d+: \{/.test(line) || /"(retried|gone)":[1-9]/.test(line))) progress(line);
      },
    });
    const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 4, application_name: 'frontline-bench' });
    // An idle connection dropped by the server must not crash the run.
    pool.on('error', (error) => progress(`Postgres connection lost: ${error.message}`));
    try {
      const org = await generateBenchOrg(pool);
      const context = { pool, api: { url: stack.apiUrl, anonKey: stack.anonKey, serviceRoleKey: stack.serviceRoleKey }, org };
      for (const group of groups) {
        try {
          for (const m of await group.run(context)) {
            printMetric(m);
            metrics.push(m);
          }
        } catch (error) {
          failures.push(`${group.name}: ${error instanceof Error ? error.message : String(error)}`);
          progress(`group ${group.name} failed: ${failures.at(-1)}`);
        }
      }
    } finally {
      await pool.end();
    }
  } finally {
    await stop();
  }

  await writeFile(RESULTS_FILE, `${JSON.stringify(metrics, null, 2)}\n`);
  progress(`wrote ${metrics.length} figures to bench-results.json`);
  for (const m of metrics.filter(missedTarget)) {
    process.stderr.write(`missed target: ${m.metric} = ${m.value} ${m.unit} (target ${m.better === 'lower' ? '≤' : '≥'} ${m.target})\n`);
  }
  for (const failure of failures) process.stderr.write(`failed: ${failure}\n`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
