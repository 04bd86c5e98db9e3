/**
 * Movers and leavers on a real phone (issue 12, item 4). A leaver's phone holds an
 * acknowledgement made offline; the account is closed meanwhile. Back online, the
 * acknowledgement still reaches the audit trail (it names a version the phone was
 * shown before the closing), then the phone deletes that person's database, forgets
 * the sign-in and shows "This account was closed" instead of Today, across a reload
 * too, and in the phone's other tab. A mover's Today swaps the old store's briefings for the new store's at the
 * next sync.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { SEED, uniqueTitle } from './support/demo-db';
import { PeopleDb, RIVERSIDE } from './support/people-db';
import { phonePerTest } from './support/phone-per-test';
import { screenshot } from './support/screenshot';

const { appUrl } = inject('e2e');
const people = new PeopleDb();

describe('movers and leavers', () => {
  const phone = phonePerTest();
  afterAll(async () => {
    await people.close();
  });

  it("a leaver's phone sends the waiting acknowledgement, then wipes the person's data and says the account was closed", { timeout: 90_000 }, async () => {
    const leaver = await people.createPerson('leaver');
    const title = uniqueTitle('Leaver: till count');
    const briefingId = await people.briefingTo(SEED.downtown, title);
    const { context, page } = phone();
    const today = new TodayPage(page);
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(leaver.email);
    await today.waitForBriefing(title);
    await today.status.waitForPhase('idle');
    const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
    await expect.poll(databases).toContain(`frontline-${leaver.userId}`);

    // A second tab of the same phone ends on the notice too.
    const tab = await context.newPage();
    await tab.goto(appUrl);
    await new TodayPage(tab).waitForBriefing(title);

    await context.setOffline(true);
    await today.acknowledge(title);
    await today.status.waitForWaiting(1);
    await people.deactivate(leaver.memberId);
    await expect.poll(() => people.sessions(leaver.userId)).toBe(0);
    await context.setOffline(false);

    const closed = page.getByRole('heading', { level: 1, name: 'This account was closed' });
    await closed.waitFor({ timeout: 30_000 });
    await expect.poll(() => people.acks(leaver.memberId, briefingId)).toBe(1);
    await tab.getByRole('heading', { level: 1, name: 'This account was closed' }).waitFor();
    await tab.close();
    await expect.poll(databases).not.toContain(`frontline-${leaver.userId}`);
    await expect.poll(() => page.evaluate(() => [localStorage.getItem('frontline:identity'), localStorage.getItem('frontline-auth')])).toEqual([null, null]);
    await expect.poll(() => page.getByText('ask your manager').count()).toBe(1);
    await expect.poll(() => page.getByTestId('briefing').count()).toBe(0);
    const back = page.getByRole('button', { name: 'Back to sign-in' });
    await expect.poll(async () => (await back.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);
    await screenshot(page, 'account-closed');
    const violations = blockingViolations(await runAxe(page));
    expect(violations, describeViolations(violations)).toEqual([]);

    // The notice stays until the person moves on; the data does not come back.
    await page.reload();
    await closed.waitFor();
    await expect.poll(databases).not.toContain(`frontline-${leaver.userId}`);
    await back.click();
    await signIn.waitUntilShown();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('frontline:account-closed'))).toBeNull();
  });

  it("a mover's Today drops the old store's briefing and shows the new store's after the next sync", { timeout: 90_000 }, async () => {
    const mover = await people.createPerson('mover');
    const downtownTitle = uniqueTitle('Mover: Downtown huddle');
    const riversideTitle = uniqueTitle('Mover: Riverside delivery');
    await people.briefingTo(SEED.downtown, downtownTitle);
    await people.briefingTo(RIVERSIDE, riversideTitle);
    const { context, page } = phone();
    const today = new TodayPage(page);
    await new SignInPage(page).open(appUrl);
    await new SignInPage(page).signIn(mover.email);
    await today.waitForBriefing(downtownTitle);
    await today.status.waitForPhase('idle');
    await expect.poll(() => today.isListed(riversideTitle)).toBe(false);

    await people.moveTo(mover.memberId, RIVERSIDE);
    // Back online is one of the phone's reasons to sync.
    await context.setOffline(true);
    await today.status.waitForPhase('offline');
    await context.setOffline(false);

    await today.waitForBriefing(riversideTitle, 30_000);
    await expect.poll(() => today.isListed(downtownTitle)).toBe(false);
    await today.status.waitForPhase('idle');
    await screenshot(page, 'mover-today');
  });
});
