/**
 * Every screen has an address, and history behaves like a native app's: a deep
 * link survives sign-in, a reload keeps the place, back from a sub-screen returns
 * to where you were (scroll too) and back from a tab returns to Today before it
 * leaves; an address this person cannot open says so and offers Today; and deep
 * links open offline once the service worker is installed.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { DEMO, DemoDb, uniqueTitle } from './support/demo-db';
import { phonePerTest } from './support/phone-per-test';
import { waitForServiceWorker } from './support/service-worker';

const { appUrl } = inject('e2e');
const db = new DemoDb();
const MANAGER = 'manager.downtown@demo.test';

const pathOf = (page: Page) => new URL(page.url()).pathname;
const heading1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

describe('addresses', () => {
  const phone = phonePerTest();
  afterAll(async () => {
    await db.close();
  });

  it('a deep link to a briefing opened signed out lands on it after sign-in, acknowledgeable, and back is Today', async () => {
    const title = uniqueTitle('Address: cold room');
    const [id] = await db.createBriefings([{ title, requiresAck: true }]);
    const { page } = phone();
    await page.goto(`${appUrl}/briefings/${id}`);
    const signIn = new SignInPage(page);
    await page.getByLabel('Email').waitFor();
    await signIn.signIn(DEMO.alex);

    const today = new TodayPage(page);
    await today.waitForBriefing(title);
    expect(pathOf(page)).toBe(`/briefings/${id}`);
    await today.acknowledge(title);
    await expect.poll(() => today.ackLabel(title)).toMatch(/^Acknowledged/);

    await page.goBack();
    await heading1(page, 'Today').waitFor();
    await expect.poll(() => pathOf(page)).toBe('/today');
  });

  it('the same address is the status view for its author under /status', async () => {
    const title = uniqueTitle('Address: status');
    const [id] = await db.createBriefings([{ title }]);
    const { page } = phone();
    await new SignInPage(page).open(appUrl);
    await new SignInPage(page).signIn(MANAGER);
    await page.goto(`${appUrl}/briefings/${id}/status`);
    const status = page.getByTestId('ack-status');
    await status.waitFor({ timeout: 15_000 });
    await expect.poll(() => status.innerText()).toContain(title);
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Briefings' }).getAttribute('aria-current'))
      .toBe('page');
  });

  it('a reload keeps the place', async () => {
    const { page } = phone();
    await new SignInPage(page).open(appUrl);
    await new SignInPage(page).signIn(DEMO.alex);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Voice', exact: true }).click();
    await page.getByRole('button', { name: 'My feedback' }).click();
    await expect.poll(() => pathOf(page)).toBe('/voice/mine');
    await page.reload();
    await heading1(page, 'Voice').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'My feedback' }).getAttribute('aria-current')).toBe('page');
    expect(pathOf(page)).toBe('/voice/mine');
  });

  it('back from a briefing returns to Today where it was scrolled; back from a tab returns to Today, then leaves', async () => {
    const titles = Array.from({ length: 12 }, (_, i) => uniqueTitle(`Address: scroll ${i}`));
    await db.createBriefings(titles.map((title) => ({ title, body: 'A paragraph long enough to take some room on a phone screen, so the list scrolls.' })));
    const { page } = phone();
    await new SignInPage(page).open(appUrl);
    await new SignInPage(page).signIn(DEMO.alex);
    const today = new TodayPage(page);
    for (const title of titles) await today.waitForBriefing(title);

    const last = page.getByRole('link', { name: titles[0]!, exact: true });
    await last.scrollIntoViewIfNeeded();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    const scrolled = await page.evaluate(() => window.scrollY);
    await last.click();
    await expect.poll(() => pathOf(page)).toMatch(/^\/briefings\/[0-9a-f-]+$/);
    await page.goBack();
    await expect.poll(() => pathOf(page)).toBe('/today');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 5);
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(scrolled + 5);

    const bar = page.getByRole('navigation', { name: 'Main' });
    await bar.getByRole('button', { name: 'Learn', exact: true }).click();
    await heading1(page, 'Learn').waitFor();
    await bar.getByRole('button', { name: 'Values', exact: true }).click();
    await heading1(page, 'Values').waitFor();
    expect(pathOf(page)).toBe('/values');
    await page.goBack();
    await heading1(page, 'Today').waitFor();
    await expect.poll(() => pathOf(page)).toBe('/today');
    await page.goBack();
    await expect.poll(() => page.url()).toBe('about:blank');
  });

  it('an address to a briefing not on this phone, or to nothing, says so and offers Today', async () => {
    const { page } = phone();
    await new SignInPage(page).open(appUrl);
    await new SignInPage(page).signIn(DEMO.alex);
    await page.goto(`${appUrl}/briefings/${randomUUID()}`);
    await page.getByRole('heading', { name: 'Not on this phone' }).waitFor();
    await page.goto(`${appUrl}/no/such/place`);
    await page.getByRole('heading', { name: 'Nothing here' }).waitFor();
    await page.getByRole('link', { name: 'Go to Today' }).click();
    await heading1(page, 'Today').waitFor();
    await expect.poll(() => pathOf(page)).toBe('/today');
  });

  it('a briefing scheduled for later is on the phone but its address shows nothing until its time', async () => {
    const title = uniqueTitle('Address: scheduled');
    const [id] = await db.createBriefings([{ title }]);
    await db.publishIn(id!, 60);
    const { page } = phone();
    const today = new TodayPage(page);
    await new SignInPage(page).open(appUrl);
    await new SignInPage(page).signIn(DEMO.alex);
    await today.status.waitForPhase('idle');
    await page.goto(`${appUrl}/briefings/${id}`);
    await page.getByRole('heading', { name: 'Not on this phone' }).waitFor();
    await expect.poll(() => page.getByText(title).count()).toBe(0);
    // Its time comes: the same address opens it.
    await db.publishIn(id!, -1);
    await page.goto(`${appUrl}/today`);
    await today.status.waitForPhase('idle');
    await page.goto(`${appUrl}/briefings/${id}`);
    await expect.poll(() => page.getByRole('heading', { level: 3, name: title }).count(), { timeout: 20_000 }).toBe(1);
  });

  it("a manager's address opened as staff says it is not available to them", async () => {
    const { page } = phone();
    await new SignInPage(page).open(appUrl);
    await new SignInPage(page).signIn(DEMO.alex);
    for (const path of ['/reports', '/briefings/new', '/voice/inbox']) {
      await page.goto(`${appUrl}${path}`);
      await page.getByRole('heading', { name: 'Not available to you' }).waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByRole('link', { name: 'Go to Today' }).count()).toBe(1);
    }
  });

  it('deep links open offline once the service worker is installed', async () => {
    const title = uniqueTitle('Address: offline');
    const [id] = await db.createBriefings([{ title }]);
    const { context, page } = phone();
    await new SignInPage(page).open(appUrl);
    await new SignInPage(page).signIn(DEMO.alex);
    await waitForServiceWorker(page);
    const today = new TodayPage(page);
    await today.waitForBriefing(title);
    await today.status.waitForPhase('idle');

    await context.setOffline(true);
    await page.goto(`${appUrl}/briefings/${id}`);
    await today.waitForBriefing(title);
    await page.goto(`${appUrl}/voice/mine`);
    await heading1(page, 'Voice').waitFor();
    await page.goto(`${appUrl}/learn`);
    await heading1(page, 'Learn').waitFor();
    await page.goto(`${appUrl}/learn/review`);
    await page.getByTestId('review-session').waitFor();
    expect(pathOf(page)).toBe('/learn/review');
  });
});
