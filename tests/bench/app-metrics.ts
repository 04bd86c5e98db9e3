/**
 * app.* and sync.* figures: the PWA built for production against the bench's
 * stack (with Vite's manifest) and served locally, measured from that build and
 * in headless Chromium on a phone viewport. Data comes from App Bench
 * (app-fixtures.ts), not Bench Retail, so each phone holds exactly what its
 * figure names.
 */
import { buildAndServeApp } from '../e2e/support/app-server';
import { APP_SIZE, createAppBenchOrg } from './app-fixtures';
import { measureOfflineColdStart } from './cold-start';
import { measureInitialJs } from './initial-js';
import { progress, type Metric, type MetricGroup } from './measure';
import { measureDrain, measureFirstPull, measureOneByOne } from './sync-metrics';

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
      metrics.push(await measureOfflineColdStart(app.appUrl, await org.addMember('coldStart'), APP_SIZE.coldStart, initial.files));
      metrics.push(await measureFirstPull(app.appUrl, await org.addMember('firstPull')));
      const drain = await measureDrain(app.appUrl, org, pool);
      metrics.push(drain.metric);
      metrics.push(await measureOneByOne(app.appUrl, api, await org.addMember('drain'), pool, drain.ms));
      return metrics;
    } finally {
      await app.close();
    }
  },
};
