/**
 * A phone for the browser benchmarks: tests/e2e/support's Chromium with a probe
 * installed before any app script runs. The probe takes its times inside the page
 * (performance.now(), which starts at navigation start), so Node's event delivery
 * never lands in a measured span. It records:
 * - when the first `[data-testid=briefing]` entered the DOM, and how many there were;
 * - every change of the sync status bar (`data-phase`, `data-waiting`);
 * - when the window last went online.
 * The phone's IndexedDB is read and written with raw `indexedDB` in the page.
 */
import type { Page } from 'playwright-core';
import { databaseName } from '../../src/data/db';
import { newPhone, type Phone } from '../e2e/support/browser';
import { BENCH_PASSWORD } from './generate-org';

export interface BarChange {
  t: number;
  phase: string | null;
  waiting: number | null;
}

export interface Probe {
  firstBriefingAt: number | null;
  /** Briefings on screen when the first one appeared (one React commit renders the list). */
  firstBriefingCount: number;
  onlineAt: number | null;
  bar: BarChange[];
}

type ProbedWindow = Window & { __bench: Probe };

/** Runs in the page before its scripts (page.addInitScript). */
function installProbe(): void {
  const probe: Probe = { firstBriefingAt: null, firstBriefingCount: 0, onlineAt: null, bar: [] };
  (window as unknown as ProbedWindow).__bench = probe;
  window.addEventListener('online', () => {
    probe.onlineAt = performance.now();
  });
  let bar: Element | null = null;
  const check = () => {
    const now = performance.now();
    if (probe.firstBriefingAt === null) {
      const shown = document.querySelectorAll('[data-testid="briefing"]').length;
      if (shown > 0) {
        probe.firstBriefingAt = now;
        probe.firstBriefingCount = shown;
      }
    }
    if (!bar?.isConnected) bar = document.querySelector('[data-testid="sync-status"]');
    if (!bar) return;
    const phase = bar.getAttribute('data-phase');
    const waitingText = bar.getAttribute('data-waiting');
    const waiting = waitingText === null ? null : Number(waitingText);
    const last = probe.bar.at(-1);
    if (!last || last.phase !== phase || last.waiting !== waiting) probe.bar.push({ t: now, phase, waiting });
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-phase', 'data-waiting'],
  });
}

/** A fresh profile (empty IndexedDB, no service worker) with the probe in every page. */
export async function openPhone(): Promise<Phone> {
  const phone = await newPhone();
  try {
    // tsx compiles with esbuild's keepNames, so functions this module hands to the
    // page (the probe, evaluate callbacks) call a __name helper the page lacks.
    await phone.context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await phone.context.addInitScript(installProbe);
    return phone;
  } catch (error) {
    await phone.close();
    throw error;
  }
}

export function readProbe(page: Page): Promise<Probe> {
  return page.evaluate(() => (window as unknown as ProbedWindow).__bench);
}

/** Waits until this document shows a briefing; answers the probe as it was then. */
export async function waitForFirstBriefing(page: Page, timeoutMs = 30_000): Promise<Probe> {
  await page.waitForFunction(() => (window as unknown as ProbedWindow).__bench.firstBriefingAt !== null, null, { timeout: timeoutMs, polling: 100 });
  return readProbe(page);
}

/** Signs in through the form, as a person would; answers once the app shows the signed-in shell. */
export async function signIn(page: Page, appUrl: string, email: string): Promise<void> {
  await page.goto(appUrl);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(BENCH_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-testid="sync-status"]').waitFor({ timeout: 30_000 });
}

/**
 * Waits for the first sync cycle of this page to end (the bar left 'syncing') and
 * answers when, in page time; a cycle that ended in anything but 'idle' throws.
 */
export async function waitForSyncSettled(page: Page, timeoutMs = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const bar = (window as unknown as ProbedWindow).__bench.bar;
      const started = bar.findIndex((c) => c.phase === 'syncing');
      return started >= 0 ? (bar.slice(started).find((c) => c.phase !== 'syncing') ?? false) : false;
    },
    null,
    { timeout: timeoutMs, polling: 50 },
  );
  const settled = (await handle.jsonValue()) as BarChange;
  if (settled.phase !== 'idle') {
    const message = await page.locator('[data-testid="sync-status"]').innerText();
    throw new Error(`the sync ended in phase ${settled.phase ?? 'none'}: ${message}`);
  }
  return settled.t;
}

export interface LocalCounts {
  briefings: number;
  mustAck: number;
  acks: number;
  outbox: number;
  lastSyncedAt: string | null;
  firstSync: unknown;
}

/** What the phone holds for this user, straight from IndexedDB. */
export function readLocal(page: Page, userId: string): Promise<LocalCounts> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const tx = db.transaction(['briefings', 'acks', 'outbox', 'meta'], 'readonly');
      const get = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const briefings = (await get(tx.objectStore('briefings').getAll())) as Array<{ requires_ack: boolean }>;
      const meta = (await get(tx.objectStore('meta').get('sync'))) as { last_synced_at: string | null; first_sync: unknown } | undefined;
      return {
        briefings: briefings.length,
        mustAck: briefings.filter((b) => b.requires_ack).length,
        acks: await get(tx.objectStore('acks').count()),
        outbox: await get(tx.objectStore('outbox').count()),
        lastSyncedAt: meta?.last_synced_at ?? null,
        firstSync: meta?.first_sync ?? null,
      };
    } finally {
      db.close();
    }
  }, databaseName(userId));
}

/** Signs in on a fresh phone and waits until the first sync brought `briefings` briefings. */
export async function syncedPhone(appUrl: string, account: { email: string; userId: string }, briefings: number): Promise<Phone> {
  const phone = await openPhone();
  try {
    await signIn(phone.page, appUrl, account.email);
    await waitForSyncSettled(phone.page);
    const local = await readLocal(phone.page, account.userId);
    if (local.briefings !== briefings || local.lastSyncedAt === null) {
      throw new Error(`${account.email}'s phone holds ${local.briefings} briefings after its first sync, expected ${briefings}`);
    }
    return phone;
  } catch (error) {
    await phone.close();
    throw error;
  }
}
