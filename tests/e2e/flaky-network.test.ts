/**
 * Draining the outbox over a bad network: 50 acknowledgements queued offline are
 * sent while 30% of API calls fail, some before reaching the server and some
 * after the server applied them (the reply is lost, so the phone sends the same
 * batch again). Every acknowledgement ends up in Postgres exactly once, the
 * replays are answered "duplicate", nothing is refused and nothing stays waiting.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { makeNetworkFlaky } from './support/flaky-network';
import { phonePerTest } from './support/phone-per-test';

const { appUrl, apiUrl } = inject('e2e');
const db = new DemoDb();

/**
 * With this seed the first sync_push fails before reaching the server, the second
 * after the server applied it (reply lost), the third passes and gets "duplicate"
 * for all 50. Other seeds work too, as long as some push fails after the server
 * (seed 32, for one, also fails pulls, but backs off for up to a minute).
 */
const SEED_FOR_FAILURES = 28;
const ACTIONS = 50;

describe('flaky network', () => {
  const phone = phonePerTest();
  afterAll(async () => {
    await db.close();
  });

  it(`sends ${ACTIONS} queued acknowledgements exactly once while 30% of API calls fail`, async () => {
    const label = uniqueTitle('Flaky');
    const titles = Array.from({ length: ACTIONS }, (_, i) => `${label} #${String(i + 1).padStart(2, '0')}`);
    const briefingIds = await db.createBriefings(titles.map((title) => ({ title })));
    const { context, page } = phone();
    const today = new TodayPage(page);

    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(DEMO.alex);
    for (const title of titles) await today.waitForBriefing(title);
    await today.status.waitForPhase('idle');

    await context.setOffline(true);
    await today.status.waitForPhase('offline');
    for (const title of titles) await today.acknowledge(title);
    await today.status.waitForWaiting(ACTIONS);

    const network = await makeNetworkFlaky(context, { apiUrl, seed: SEED_FOR_FAILURES, failureRate: 0.3 });
    await context.setOffline(false);
    // Backoff doubles from ≤1 s per failed attempt, so a few failures in a row take a while.
    await today.status.waitForWaiting(0, 60_000);
    // ...and the cycle that sent them finishes (the pull after the push), still on the bad network.
    await today.status.waitForPhase('idle', 60_000);
    await network.stop();

    // The failure injection really happened, of both kinds, on the writes themselves.
    expect(network.count('failed_before_server')).toBeGreaterThan(0);
    expect(network.count('failed_after_server', 'rpc/sync_push')).toBeGreaterThan(0);
    // A batch whose reply was lost was applied; the same mutation ids sent again were answered "duplicate".
    const pushes = network.calls.filter((call) => call.channel === 'rpc/sync_push' && call.method === 'POST');
    const lostReply = pushes.find((call) => call.fate === 'failed_after_server');
    expect(lostReply?.results?.every((r) => r.status === 'applied')).toBe(true);
    const replayed = pushes.slice(pushes.indexOf(lostReply!) + 1).find((call) => call.results !== null);
    expect(replayed?.mutationIds).toEqual(lostReply?.mutationIds);
    expect(new Set(replayed?.results?.map((r) => r.status))).toEqual(new Set(['duplicate']));
    // Every answer the server gave was applied or duplicate: nothing refused.
    expect(pushes.flatMap((call) => call.results ?? []).filter((r) => r.status === 'rejected')).toEqual([]);

    const counts = await db.ackCounts(SEED.alexMember, briefingIds);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    expect(counts.size).toBe(ACTIONS);
    const stored = await db.acks(SEED.alexMember, briefingIds);
    expect(new Set(stored.map((row) => row.id))).toEqual(new Set(lostReply?.mutationIds));

    // Read once on purpose: the cycle above has settled (idle), and nothing may be waiting or refused at that point.
    expect(await today.status.waiting()).toBe(0);
    expect(await page.getByText(/items? (was|were) refused/).count()).toBe(0);
    // The cards re-render from IndexedDB after the last verdict, on their own schedule.
    for (const title of titles) await expect.poll(() => today.ackLabel(title)).toBe('Acknowledged · Sent');
    console.log(
      `flaky network: ${network.calls.length} API calls, ${network.count('failed_before_server')} failed before and ` +
        `${network.count('failed_after_server')} after the server; sync_push fates: ${pushes.map((c) => c.fate).join(', ')}`,
    );
  });
});
