/**
 * app.* and sync.* figures: the PWA built for production against the bench's
 * stack (with Vite's manifest) and served locally, measured from that build and
 * in headless Chromium on a phone viewport. Data comes from App Bench
 * (app-fixtures.ts), not Bench Retail, so each phone holds exactly what its
 * figure names.
 */

import type { Pool } from 'pg';
import { buildAndServeApp } from '../e2e/support/app-server';
import { APP_SIZE, type AppBenchOrg, createAppBenchOrg } from './app-fixtures';
import { measureOfflineColdStart } from './cold-start';
import { measureFirstVisitTransfer } from './first-visit';
import { measureInitialJs } from './initial-js';
import { measureInsightsChart } from './lazy-chunk';
import { type Metric, type MetricGroup, metric, progress } from './measure';
import { measureDrain, measureFirstPull, measureOneByOne } from './sync-metrics';

/**
 * What batching buys the sync engine: the same app built to send one mutation
 * per sync_push, draining the same 1,000 acknowledgements, measured the same way.
 */
async function batchingSpeedup(api: { url: string; anonKey: string }, org: AppBenchOrg, pool: Pool, batchedMs: number): Promise<Metric[]> {
  progress('building the app with one mutation per sync_push');
  const oneEach = await buildAndServeApp({ apiUrl: api.url, anonKey: api.anonKey, keepStdoutClean: true, env: { VITE_SYNC_BATCH_SIZE: '1' } });
  try {
    const single = await measureDrain(oneEach.appUrl, org, pool, { label: 'sync.drain_1000_acks_one_per_request_ms', runs: 1, warmups: 0 });
    progress(`  one per request ${single.ms} ms / batched ${batchedMs} ms`);
    return [single.metric, metric('sync.drain_batch_speedup_x', single.ms / batchedMs, 'x', 20, 'higher')];
  } finally {
    await oneEach.close();
  }
}

export const appMetrics: MetricGroup = {
  name: 'app',
  async run({ pool, api }) {
    progress('building the app against the bench stack');
    const app = await buildAndServeApp({ apiUrl: api.url, anonKey: api.anonKey, manifest: true, keepStdoutClean: true });
    try {
      const org = await createAppBenchOrg(pool);
      const metrics: Metric[] = [];
      const initial = await measureInitialJs(app.outDir);
      metrics.push(initial.metric);
      metrics.push(await measureInsightsChart(app.outDir, initial.files));
      metrics.push(...(await measureFirstVisitTransfer(app.appUrl)));
      metrics.push(await measureOfflineColdStart(app.appUrl, await org.addMember('coldStart'), APP_SIZE.coldStart, initial.files));
      metrics.push(...(await measureFirstPull(app.appUrl, await org.addMember('firstPull'))));
      const drain = await measureDrain(app.appUrl, org, pool);
      metrics.push(drain.metric);
      metrics.push(...(await batchingSpeedup(api, org, pool, drain.ms)));
      metrics.push(await measureOneByOne(app.appUrl, api, await org.addMember('drain'), pool, drain.ms));
      return metrics;
    } finally {
      await app.close();
    }
  },
};
