/**
 * Managers' and HR's screens load on first visit. If that download fails (a
 * phone that went offline before the service worker cached them), the screen
 * says so with a way to try again, and the rest of the app keeps working:
 * never a blank app.
 */
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { newPhone } from './support/browser';

const { appUrl } = inject('e2e');

describe('lazily loaded screens', () => {
  it('a screen whose code cannot be downloaded says so, and the other screens still work', async () => {
    // Service workers off: nothing is precached, so the Reports code can only come from the network.
    const { context, page, close } = await newPhone({ serviceWorkers: 'block' });
    onTestFinished(close);
    await context.route(/\/assets\/InsightsScreen-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn('hr@demo.test');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Reports', exact: true }).click({ timeout: 20_000 });

    const failed = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'This screen could not open' }) });
    await failed.waitFor();
    await expect.poll(() => failed.getByRole('button', { name: 'Try again' }).count()).toBe(1);

    await new TodayPage(page).open();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Today' }).count()).toBe(1);
  });

  it('in an old tab after a deploy removed its files, a screen says the app needs updating, not that there is no connection', async () => {
    const { context, page, close } = await newPhone({ serviceWorkers: 'block' });
    onTestFinished(close);
    // The server answers, but no longer has this build's Reports file: what a deploy does to an open tab.
    await context.route(/\/assets\/InsightsScreen-[^/]+\.js$/, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn('hr@demo.test');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Reports', exact: true }).click({ timeout: 20_000 });

    const outdated = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'This screen needs the new version' }) });
    await outdated.waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'This screen could not open' }).count()).toBe(0);

    // Updating loads the app again; with the file back on the server, Reports opens.
    await context.unroute(/\/assets\/InsightsScreen-[^/]+\.js$/);
    await outdated.getByRole('button', { name: 'Update now' }).click();
    await nav.getByRole('button', { name: 'Reports', exact: true }).click({ timeout: 20_000 });
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor({ timeout: 20_000 });
  });

  it("Today opens with its briefings when the learning nudges' code cannot be downloaded: the nudges are left out, not Today", async () => {
    const { context, page, close } = await newPhone({ serviceWorkers: 'block' });
    onTestFinished(close);
    let asked = 0;
    await context.route(/\/assets\/LearnNudges-[^/]+\.js$/, (route) => {
      asked += 1;
      return route.abort('internetdisconnected');
    });
    const signIn = new SignInPage(page);
    await signIn.open(appUrl);
    await signIn.signIn('alex@demo.test');
    const today = new TodayPage(page);
    await expect.poll(() => asked, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await today.titles()).length).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: 'This screen could not open' }).count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1, name: 'Today' }).count()).toBe(1);
  });
});
