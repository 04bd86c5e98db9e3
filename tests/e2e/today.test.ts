/**
 * The Today screen in a real browser: what needs the person is pinned apart
 * from the rest, "N left to acknowledge today" follows their taps, an answered
 * card says so in place and is filed under "Acknowledged today" on the next visit,
 * search works with no network, and a briefing whose text changed after they
 * acknowledged it asks again and shows what changed.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { phonePerTest } from './support/phone-per-test';
import { screenshot } from './support/screenshot';
import { waitForServiceWorker } from './support/service-worker';

const { appUrl } = inject('e2e');
const db = new DemoDb();

describe('Today', () => {
  const phone = phonePerTest();
  afterAll(async () => {
    await db.close();
  });

  it('pins what needs acknowledging, counts acknowledgements and searches offline', async () => {
    const mustRead = uniqueTitle('Today: freezer alarm drill');
    const forInfo = uniqueTitle('Today: new window display');
    await db.createBriefings([
      { title: mustRead, requiresAck: true },
      { title: forInfo, requiresAck: false, body: 'Autumn colours, café corner.' },
    ]);
    const { context, page } = phone();
    const today = new TodayPage(page);
    await new SignInPage(page).open(appUrl);
    await new SignInPage(page).signIn(DEMO.alex);
    await waitForServiceWorker(page);
    await today.waitForBriefing(mustRead);
    await today.waitForBriefing(forInfo);
    await today.status.waitForPhase('idle');

    await expect.poll(() => today.sectionOf(mustRead)).toBe('pinned');
    await expect.poll(() => today.sectionOf(forInfo)).toBe('today');
    const before = await today.left();
    expect(before).toBeGreaterThan(0);
    // The bar's Today tab carries the same number, seen and spoken.
    await expect.poll(() => today.tabCount()).toBe(before);
    // Cards scroll under the bar, never over it: every tab takes its tap.
    await expect.poll(() => today.barTakesEveryTap()).toBe(true);
    await context.setOffline(true);
    // The offline bar is in the flow: measure once it is there, so only the tap could move the card.
    await today.status.waitForPhase('offline');
    await screenshot(page, 'today-before-ack');
    const top = await today.top(mustRead);
    await today.acknowledge(mustRead);
    await expect.poll(() => today.left()).toBe(before - 1);
    await expect.poll(() => today.tabCount()).toBe(before - 1);
    // Answered, the card says so where the thumb is and does not move; the next visit files it under "Acknowledged today".
    await expect.poll(() => today.confirmation(mustRead)).toBe('Acknowledged · Saved on this phone, will send');
    await screenshot(page, 'today-after-ack', today.briefing(mustRead));
    await expect.poll(() => today.sectionOf(mustRead)).toBe('pinned');
    await expect.poll(() => today.top(mustRead)).toBe(top);
    await page.reload();
    await expect.poll(() => today.sectionOf(mustRead)).toBe('done');
    await expect.poll(() => today.confirmation(mustRead)).toBe('');

    // Accents and case are folded: "CAFE" finds "café" in the body.
    await today.search(`CAFE ${forInfo.split(' ').at(-1)}`);
    await expect.poll(() => today.titles()).toEqual([forInfo]);
    await expect.poll(() => today.sectionOf(forInfo)).toBe('results');
    await today.search('no-such-briefing-anywhere');
    await expect.poll(() => today.titles()).toEqual([]);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'No briefing matches' }).count()).toBe(1);
    await today.search('');
    await expect.poll(async () => (await today.titles()).includes(mustRead)).toBe(true);
  });

  it('asks again when the text changes after an acknowledgement, and shows what changed', async () => {
    const title = uniqueTitle('Today: closing checklist');
    const [id] = await db.createBriefings([{ title, body: 'Count the tills.\nLock the back door.' }]);
    const { page } = phone();
    const today = new TodayPage(page);
    await new SignInPage(page).open(appUrl);
    await new SignInPage(page).signIn(DEMO.alex);
    await today.waitForBriefing(title);
    await today.acknowledge(title);
    await today.status.waitForWaiting(0);
    await expect.poll(() => today.ackLabel(title)).toBe('Acknowledged · Sent');
    expect(await today.askedAgainNote(title)).toBe('');

    await db.editBody(id!, 'Count the tills.\nLock the back door and set the alarm.');
    await page.reload();
    await expect.poll(() => today.ackLabel(title), { timeout: 15_000 }).toBe('Please acknowledge');
    await expect.poll(() => today.askedAgainNote(title)).toContain('since you acknowledged version 1');
    await today.openBriefing(title);
    await expect.poll(() => today.changes(title)).toEqual({ removed: ['Lock the back door.'], added: ['Lock the back door and set the alarm.'] });

    await today.acknowledge(title);
    await today.status.waitForWaiting(0);
    const acks = await db.acks(SEED.alexMember, [id!]);
    expect(acks.map((a) => a.version).sort()).toEqual([1, 2]);
    expect(new Set(acks.map((a) => a.content_hash)).size).toBe(2);
  });
});
