/**
 * sync.* figures, in Chromium against the built app:
 * - first_pull_5000_ms: a fresh phone signs in as a member who may hold 5,000
 *   briefings; from the start of the first sync_pull request (resource timing) to
 *   the status bar leaving 'syncing', all in page time; then IndexedDB must hold
 *   the 5,000 and the sync must be marked done.
 * - drain_1000_acks_ms: a fresh member's phone, offline, gets 1,000 acknowledgements
 *   queued exactly as src/data/briefings/commands.ts writes them (outbox entry plus pending
 *   local ack, raw IndexedDB), is reloaded so the app sees them, then goes online;
 *   from the window's 'online' event to the status bar counting 0 waiting. Postgres
 *   must then hold each of the 1,000 exactly once.
 * - drain_1000_acks_one_per_request_ms (app-metrics.ts): the same drain by an app
 *   built to send one mutation per sync_push; drain_batch_speedup_x is its ratio
 *   to the batched drain.
 * - drain_vs_bare_fetch_x: another fresh member's 1,000 acknowledgements sent from
 *   the page as bare one-mutation fetches, one after another (no app, no IndexedDB),
 *   total time over the batched drain's median: the strictest baseline, printed.
 */
import type { Pool } from 'pg';
import type { Page } from 'playwright-core';
import { AUTH_STORAGE_KEY } from '../../src/app/supabase-client';
import { databaseName } from '../../src/data/db';
import { waitForServiceWorker } from '../e2e/support/service-worker';
import { APP_SIZE, type AppAccount, type AppBenchOrg } from './app-fixtures';
import { openPhone, readLocal, readProbe, signIn, syncedPhone, waitForSyncSettled } from './bench-phone';
import { BROWSER_RUNS, type Metric, median, medianOf, metric, progress, round } from './measure';

export async function measureFirstPull(appUrl: string, account: AppAccount): Promise<Metric[]> {
  const expected = APP_SIZE.firstPull;
  progress(`sync.first_pull_5000_ms: a fresh phone signs in as ${account.email} (${expected} briefings), ${BROWSER_RUNS} runs after 1`);
  const splits: Array<{ waiting: number; pageOnly: number }> = [];
  const ms = await medianOf(
    'sync.first_pull_5000_ms',
    async () => {
      const phone = await openPhone();
      try {
        const { page } = phone;
        await signIn(page, appUrl, account.email);
        const doneAt = await waitForSyncSettled(page, 120_000);
        const local = await readLocal(page, account.userId);
        if (local.briefings !== expected || local.lastSyncedAt === null || local.firstSync !== null) {
          throw new Error(
            `after the first sync IndexedDB holds ${local.briefings} briefings (last synced ${local.lastSyncedAt ?? 'never'}), expected ${expected}`,
          );
        }
        const pulls = await rpcRequests(page, 'sync_pull', 0, doneAt);
        if (pulls.length === 0) throw new Error('the page made no sync_pull request');
        const start = Math.min(...pulls.map((p) => p.start));
        const waiting = timeInFlight(pulls);
        splits.push({ waiting, pageOnly: doneAt - start - waiting });
        progress(`  ${describeRequests(pulls, 'sync_pull', doneAt - start)}`);
        return doneAt - start;
      } finally {
        await phone.close();
      }
    },
    { runs: BROWSER_RUNS, warmups: 1 },
  );
  // The warm-up run is not among the measured ones.
  const measured = splits.slice(-BROWSER_RUNS);
  return [
    metric('sync.first_pull_5000_ms', ms, 'ms', 2000),
    metric('sync.first_pull_5000_waiting_ms', median(measured.map((s) => s.waiting)), 'ms', null),
    metric('sync.first_pull_5000_page_work_ms', median(measured.map((s) => s.pageOnly)), 'ms', null),
  ];
}

/** How long at least one request was in flight: requests that overlap (a prefetched page) count once. */
function timeInFlight(requests: readonly RequestSpan[]): number {
  let total = 0;
  let coveredTo = -Infinity;
  for (const { start, end } of [...requests].sort((a, b) => a.start - b.start)) {
    if (end <= coveredTo) continue;
    total += end - Math.max(start, coveredTo);
    coveredTo = end;
  }
  return total;
}

/** `label` names the figure; `runs`/`warmups` default to the browser bench's knobs. */
export async function measureDrain(
  appUrl: string,
  org: AppBenchOrg,
  pool: Pool,
  { label = 'sync.drain_1000_acks_ms', runs = BROWSER_RUNS, warmups = 1 }: { label?: string; runs?: number; warmups?: number } = {},
): Promise<{ metric: Metric; ms: number }> {
  const count = APP_SIZE.drain;
  progress(`${label}: ${count} acknowledgements queued offline, a fresh member each run, ${runs} runs after ${warmups}`);
  const ms = await medianOf(
    label,
    async () => {
      const account = await org.addMember('drain');
      const phone = await syncedPhone(appUrl, account, count);
      try {
        const { context, page } = phone;
        await waitForServiceWorker(page);
        await context.setOffline(true);
        const ids = await queueAcks(page, account.userId);
        if (ids.length !== count) throw new Error(`queued ${ids.length} acknowledgements, expected ${count}`);
        await page.reload();
        await page.locator(`[data-testid="sync-status"][data-waiting="${count}"]`).waitFor({ timeout: 30_000 });
        await context.setOffline(false);
        await waitForSyncSettled(page, 120_000);
        const probe = await readProbe(page);
        const onlineAt = probe.onlineAt;
        const emptyAt = probe.bar.find((c) => onlineAt !== null && c.t >= onlineAt && c.waiting === 0)?.t;
        if (onlineAt === null || emptyAt === undefined) throw new Error('the outbox did not empty after going online');
        progress(`  ${describeRequests(await rpcRequests(page, 'sync_push', onlineAt, emptyAt), 'sync_push', emptyAt - onlineAt)}`);
        const local = await readLocal(page, account.userId);
        if (local.outbox !== 0) throw new Error(`${local.outbox} outbox entries left after the drain`);
        await expectAcksOnce(pool, account, ids);
        return emptyAt - onlineAt;
      } finally {
        await phone.close();
      }
    },
    { runs, warmups },
  );
  return { metric: metric(label, ms, 'ms', label === 'sync.drain_1000_acks_ms' ? 2000 : null), ms };
}

export async function measureOneByOne(
  appUrl: string,
  api: { url: string; anonKey: string },
  account: AppAccount,
  pool: Pool,
  batchedMs: number,
): Promise<Metric> {
  const count = APP_SIZE.drain;
  progress(`sync.drain_vs_bare_fetch_x: the same ${count} acknowledgements as ${count} bare sync_push requests, one after another, from the page (fetch)`);
  const phone = await syncedPhone(appUrl, account, count);
  try {
    const result = await phone.page.evaluate(
      async ({ name, url, anonKey, authKey }) => {
        const token = (JSON.parse(localStorage.getItem(authKey) ?? '{}') as { access_token?: string }).access_token;
        if (!token) throw new Error('no access token in localStorage');
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const briefings = await new Promise<Array<{ id: string; version: number; content_hash: string; requires_ack: boolean }>>((resolve, reject) => {
          const request = db.transaction('briefings').objectStore('briefings').getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        db.close();
        const ids: string[] = [];
        const start = performance.now();
        for (const b of briefings.filter((x) => x.requires_ack)) {
          const ackedAt = new Date().toISOString();
          const mutation = {
            id: crypto.randomUUID(),
            type: 'ack',
            created_at: ackedAt,
            payload: { briefing_id: b.id, version: b.version, content_hash: b.content_hash, acked_at: ackedAt },
          };
          const response = await fetch(`${url}/rest/v1/rpc/sync_push`, {
            method: 'POST',
            headers: { apikey: anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ p_mutations: [mutation] }),
          });
          const body = (await response.json()) as { results?: Array<{ status: string }> };
          if (!response.ok || body.results?.[0]?.status !== 'applied') throw new Error(`sync_push answered ${response.status}: ${JSON.stringify(body)}`);
          ids.push(mutation.id);
        }
        return { ms: performance.now() - start, ids };
      },
      { name: databaseName(account.userId), url: api.url, anonKey: api.anonKey, authKey: AUTH_STORAGE_KEY },
    );
    await expectAcksOnce(pool, account, result.ids);
    const ratio = result.ms / batchedMs;
    progress(
      `  ${result.ids.length} single pushes took ${round(result.ms)} ms (${round(result.ms / result.ids.length)} ms each); ` +
        `batched drain ${round(batchedMs)} ms; ratio ${round(ratio)}x`,
    );
    return metric('sync.drain_vs_bare_fetch_x', ratio, 'x', null, 'higher');
  } finally {
    await phone.close();
  }
}

interface RequestSpan {
  start: number;
  end: number;
}

/** The page's requests to one RPC that started within [from, to], from resource timing. */
function rpcRequests(page: Page, rpc: string, from: number, to: number): Promise<RequestSpan[]> {
  return page.evaluate(
    ({ path, from, to }) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes(path) && e.startTime >= from && e.startTime <= to)
        .map((e) => ({ start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
    { path: `/rest/v1/rpc/${rpc}`, from, to },
  );
}

/** How much of a measured span the page spent waiting for the server, and how much on its own work. */
function describeRequests(requests: readonly RequestSpan[], rpc: string, spanMs: number): string {
  const waiting = timeInFlight(requests);
  return (
    `${requests.length} ${rpc} requests; waiting for their answers ${round(waiting)} ms of ${round(spanMs)} ms, ` +
    `the rest (${round(spanMs - waiting)} ms) is the page's own work`
  );
}

/** Queues an acknowledgement of every must-acknowledge briefing, in the shape commands.ts writes. */
function queueAcks(page: Page, userId: string): Promise<string[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const tx = db.transaction(['briefings', 'outbox', 'acks'], 'readwrite');
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      const briefings = await new Promise<Array<{ id: string; version: number; content_hash: string; requires_ack: boolean }>>((resolve, reject) => {
        const request = tx.objectStore('briefings').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const ids: string[] = [];
      for (const b of briefings.filter((x) => x.requires_ack)) {
        const id = crypto.randomUUID();
        const ackedAt = new Date().toISOString();
        tx.objectStore('acks').put({
          id,
          briefing_id: b.id,
          version: b.version,
          content_hash: b.content_hash,
          acked_at: ackedAt,
          received_at: ackedAt,
          sync_seq: 0,
          local_state: 'pending',
        });
        tx.objectStore('outbox').add({
          id,
          type: 'ack',
          created_at: ackedAt,
          state: 'waiting',
          payload: { briefing_id: b.id, version: b.version, content_hash: b.content_hash, acked_at: ackedAt },
        });
        ids.push(id);
      }
      await done;
      return ids;
    } finally {
      db.close();
    }
  }, databaseName(userId));
}

/** Each acknowledgement sent is in Postgres exactly once, and the member has no others. */
async function expectAcksOnce(pool: Pool, account: AppAccount, ids: readonly string[]): Promise<void> {
  const {
    rows: [row],
  } = await pool.query<{ total: number; briefings: number; ours: number }>(
    `select count(*)::int as total, count(distinct briefing_id)::int as briefings,
            count(*) filter (where id = any ($2::uuid[]))::int as ours
     from public.acknowledgements where member_id = $1`,
    [account.memberId, ids],
  );
  if (row!.total !== ids.length || row!.briefings !== ids.length || row!.ours !== ids.length) {
    throw new Error(
      `Postgres holds ${row!.total} acknowledgements of ${row!.briefings} briefings for ${account.email} ` +
        `(${row!.ours} of the ${ids.length} sent), expected each exactly once`,
    );
  }
}
