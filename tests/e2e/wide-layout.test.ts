/**
 * The wide layout in Chromium. At 1280x800 a manager and HR get the side
 * navigation instead of the bottom bar: their screens grouped (Daily, Manage,
 * their account), the signed-in person and the sync line on show, links that
 * change the address and move aria-current, a skip link first in the tab
 * order, screens that use the width for tables and keep a readable measure for
 * text; across the 1024 px breakpoint the layout follows the window with no
 * reload; if its file cannot be had, the bar stays. At 390x844 the phone
 * layout is as before: the bar, no side navigation. axe finds nothing serious at either size. Screenshots go to
 * SCREENSHOT_DIR when it is set.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { SideNavPage } from './pages/side-nav-page';
import { SignInPage } from './pages/signin-page';
import { SyncStatus } from './pages/sync-status';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { newPhone, type Phone } from './support/browser';
import { DemoDb } from './support/demo-db';
import { findOverflow } from './support/layout';
import { screenshot } from './support/screenshot';

const { appUrl } = inject('e2e');
const WIDE = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 } as const;
const demo = new DemoDb();

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = blockingViolations(await runAxe(page));
  if (violations.length > 0) console.error(`axe: ${screen}\n${describeViolations(violations)}`);
  expect(violations.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.nodes.length} elements)`)).toEqual([]);
}

const widthOf = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())?.width ?? 0;

const navFor = (manage: string[]) => [
  { group: 'Daily', links: ['Today', 'Values', 'Learn'] },
  { group: 'Manage', links: ['Briefings', 'Voice', 'Reports', ...manage] },
  { group: 'Your account', links: ['Account'] },
];

describe('wide layout', () => {
  let phone: Phone | undefined;
  afterEach(async () => {
    await phone?.close();
    phone = undefined;
  });
  afterAll(async () => {
    await demo.close();
  });

  it.each([
    { who: 'manager', email: 'manager.downtown@demo.test', person: 'Dana Moss Manager · Downtown', manage: ['Import roster', 'People'] },
    { who: 'hr', email: 'hr@demo.test', person: 'Hana Reyes HR', manage: ['Import roster', 'People', 'Stores', 'Departments', 'Admin log'] },
  ])('at 1280x800 the $who navigates with the side navigation, and the bar is hidden', async ({ who, email, person, manage }) => {
    phone = await newPhone(WIDE);
    const { page } = phone;
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(email);
    const side = new SideNavPage(page);
    const status = new SyncStatus(page);
    await status.waitForPhase('idle');

    // Every screen the role may open, grouped, from the one table; the person and the sync line on show.
    await expect.poll(() => side.groups()).toEqual(navFor(manage));
    await expect.poll(() => side.person()).toContain(person);
    await expect.poll(() => side.bar.isVisible()).toBe(false);
    await expect.poll(() => status.bar.isVisible()).toBe(true);
    await expect.poll(() => side.current()).toBe('Today');
    // Today keeps a readable measure beside the navigation; nothing spills sideways.
    await expect.poll(() => widthOf(page, 'main')).toBeLessThanOrEqual(52 * 17);
    await expect.poll(() => findOverflow(page)).toEqual([]);
    await screenshot(page, `wide-${who}-today`);
    await expectAccessible(page, `${who} Today 1280`);

    // A link changes the address and moves the mark; back returns as from a tab.
    await side.link('Reports').click();
    await expect.poll(() => side.path()).toBe('/reports');
    await expect.poll(() => side.current()).toBe('Reports');
    await page.getByTestId('kpi-rate').waitFor();
    // The report uses the width the navigation leaves: no phone-width column in the middle.
    await expect.poll(() => widthOf(page, 'main')).toBeGreaterThan(900);
    await screenshot(page, `wide-${who}-reports`);
    await expectAccessible(page, `${who} Reports 1280`);

    await side.link('Briefings').click();
    await expect.poll(() => side.path()).toBe('/briefings');
    await page.getByRole('button', { name: 'New briefing' }).click();
    await expect.poll(() => side.path()).toBe('/briefings/new');
    // The form sits within Briefings: the mark stays there.
    await expect.poll(() => side.current()).toBe('Briefings');
    await page.getByLabel('Title', { exact: true }).waitFor();
    await screenshot(page, `wide-${who}-compose`);
    await expectAccessible(page, `${who} new briefing 1280`);

    // What the phone keeps behind More is one click away.
    await side.link('Values').click();
    await expect.poll(() => side.path()).toBe('/values');
    await expect.poll(() => side.current()).toBe('Values');
    await page.goBack();
    await expect.poll(() => side.path()).toBe('/today');
    await expect.poll(() => side.current()).toBe('Today');
  });

  it('a keyboard reaches the skip link first, and it moves focus to the screen', async () => {
    phone = await newPhone(WIDE);
    const { page } = phone;
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn('manager.downtown@demo.test');
    const side = new SideNavPage(page);
    await expect.poll(() => side.current()).toBe('Today');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await expect
      .poll(() =>
        page
          .locator('.skip-link')
          .boundingBox()
          .then((box) => (box?.y ?? -1) >= 0),
      )
      .toBe(true);
    await screenshot(page, 'wide-manager-skip-link');
    // Next in order: the navigation, Today first.
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => [document.activeElement?.closest('nav')?.className, document.activeElement?.textContent]))
      .toEqual(['sidenav', 'Today']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The address is untouched: no #main entry without the app's history state.
    await expect.poll(() => side.path()).toBe('/today');
    await expect.poll(() => page.url()).not.toContain('#');
  });

  it('when the side navigation’s file cannot be downloaded, the bar stays at 1280 wide: never an app without a way around', async () => {
    // Service workers off: nothing is precached, so the side navigation can only come from the network.
    phone = await newPhone({ ...WIDE, serviceWorkers: 'block' });
    const { context, page } = phone;
    await context.route(/\/assets\/SideNav-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn('hr@demo.test');
    const side = new SideNavPage(page);
    await expect.poll(() => page.locator('.sidenav-missing').count()).toBe(1);
    await expect.poll(() => side.bar.isVisible()).toBe(true);
    await side.bar.getByRole('button', { name: 'Reports', exact: true }).click();
    await expect.poll(() => side.path()).toBe('/reports');
    await expect.poll(() => findOverflow(page)).toEqual([]);
  });

  it('at 390x844 the phone layout stays: the bar, no side navigation; resizing across 1024 px switches without a reload', async () => {
    phone = await newPhone();
    const { page } = phone;
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn('hr@demo.test');
    const side = new SideNavPage(page);
    await new SyncStatus(page).waitForPhase('idle');
    await expect.poll(() => side.bar.isVisible()).toBe(true);
    await expect.poll(() => side.nav.isVisible()).toBe(false);
    await expect.poll(() => page.locator('.skip-link').isVisible()).toBe(false);
    await expect.poll(() => side.landmark().getByRole('button').allInnerTexts()).toEqual(['Today', 'Briefings', 'Voice', 'Reports', 'More']);
    await expect.poll(() => side.landmark().getByRole('link').count()).toBe(0);
    await expect.poll(() => findOverflow(page)).toEqual([]);
    await screenshot(page, 'wide-phone-hr-today');
    await expectAccessible(page, 'HR Today 390');

    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => side.nav.isVisible()).toBe(true);
    await expect.poll(() => side.bar.isVisible()).toBe(false);
    await expect.poll(() => side.current()).toBe('Today');
    await page.setViewportSize({ width: 1023, height: 800 });
    await expect.poll(() => side.bar.isVisible()).toBe(true);
    await expect.poll(() => side.nav.isVisible()).toBe(false);
    await page.setViewportSize({ width: 1024, height: 800 });
    await expect.poll(() => side.nav.isVisible()).toBe(true);
    await expect.poll(() => findOverflow(page)).toEqual([]);
  });
});
