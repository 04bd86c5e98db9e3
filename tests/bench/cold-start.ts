/**
 * app.offline_cold_start_ms: a member whose phone holds 200 briefings (signed in
 * once online, synced, the service worker in control) opens the app with no
 * network on a CPU slowed 4x (CDP Emulation.setCPUThrottlingRate). Each run
 * reloads the page; the figure is the page's performance.now() (zero at
 * navigation start) when the first briefing entered the DOM, recorded by the
 * probe's MutationObserver. It also checks, on the first run, which scripts
 * Chromium fetched before that moment (initial-js.ts).
 */
import type { Page } from 'playwright-core';
import { TODAY_PAGE_SIZE } from '../../src/features/today/page-size';
import { waitForServiceWorker } from '../e2e/support/service-worker';
import type { AppAccount } from './app-fixtures';
import { syncedPhone, waitForFirstBriefing } from './bench-phone';
import { reportScriptCheck, scriptsSeenBeforeFirstBriefing } from './initial-js';
import { type Metric, medianOf, metric, progress } from './measure';

const CPU_SLOWDOWN = 4;

export async function measureOfflineColdStart(appUrl: string, account: AppAccount, briefings: number, initialFiles: readonly string[]): Promise<Metric> {
  const phone = await syncedPhone(appUrl, account, briefings);
  try {
    const { context, page } = phone;
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const baseline = await spin(page);
    await context.setOffline(true);
    // With a CDP session of our own attached, a reload comes back with
    // navigator.onLine true (requests still fail); emulating offline on this
    // session as well keeps the page as offline as a phone without signal.
    await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    progress(`app.offline_cold_start_ms: offline reloads with ${briefings} cached briefings, CPU slowed ${CPU_SLOWDOWN}x`);

    const ms = await medianOf('app.offline_cold_start_ms', async (i) => {
      await page.reload({ waitUntil: 'commit' });
      const probe = await waitForFirstBriefing(page);
      const expected = Math.min(briefings, TODAY_PAGE_SIZE);
      if (probe.firstBriefingCount !== expected) {
        throw new Error(`the first render after an offline reload showed ${probe.firstBriefingCount} briefings, expected ${expected}`);
      }
      if (i === 0) await checkRun(page, appUrl, baseline, initialFiles);
      return probe.firstBriefingAt!;
    });
    await cdp.detach();
    return metric('app.offline_cold_start_ms', ms, 'ms', 1000);
  } finally {
    await phone.close();
  }
}

/** That the run really was offline, from the service worker, slowed down; and which scripts it fetched. */
async function checkRun(page: Page, appUrl: string, baseline: number, initialFiles: readonly string[]): Promise<void> {
  const state = await page.evaluate(() => ({ online: navigator.onLine, controlled: navigator.serviceWorker.controller !== null }));
  if (state.online || !state.controlled) {
    throw new Error(`the cold start ran ${state.online ? 'online' : 'offline'} and ${state.controlled ? 'with' : 'without'} a service worker`);
  }
  const slowed = await spin(page);
  progress(
    `  CPU check after a reload: a fixed loop took ${slowed.toFixed(0)} ms, ${(slowed / baseline).toFixed(1)}x the unthrottled ${baseline.toFixed(0)} ms`,
  );
  reportScriptCheck(initialFiles, await scriptsSeenBeforeFirstBriefing(page, appUrl));
}

/** Milliseconds a fixed busy loop takes in the page (best of 3). */
async function spin(page: Page): Promise<number> {
  return page.evaluate(() => {
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      let x = 0;
      for (let i = 0; i < 20_000_000; i++) x = (x * 31 + i) % 1_000_003;
      best = Math.min(best, performance.now() - start);
      if (x < 0) return -1;
    }
    return best;
  });
}
