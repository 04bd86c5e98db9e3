/**
 * Turning notifications on, from the phone's side (#11 items 1, 2, 7): the opt-in card
 * shows on Today only after sign-in and the first sync; Turn on saves this device's
 * subscription in Postgres; Not now is remembered across a reload; Account shows the
 * state, queues a test notification for this phone (then asks to wait a minute), turns it
 * off (row deleted) and on, saves it again when the server has forgotten it (or says nothing
 * reaches this phone when it cannot); sign-out deletes the row; the manager's status view
 * says on how many devices it was notified, how many wait and how many have notifications
 * off (marked in the list), and the reminder says whom it reached, then that it already
 * reminded. This build has a VAPID key; the push service is stood in for
 * (support/fake-push-service.ts).
 *
 * Installing the app (#11 item 1), in the same build: iPhone and iPad deliver web push
 * only to an app on the Home Screen and have no install prompt, so Safari there is
 * offered "Add to Home Screen", on Today's opt-in card and in Account, which opens a
 * sheet with the steps; Chromium is told it is iPhone Safari by its user agent. Where the
 * browser offers installing (`beforeinstallprompt`, kept from the first moment), Account
 * shows "Install the app", which opens the browser's own prompt once; Chromium here
 * offers it by itself, and otherwise the test fires the event as Chrome would.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AccountPage } from './pages/account-page';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { buildAndServeApp, type ServedApp } from './support/app-server';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { newPhone } from './support/browser';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { fakePushService, vapidPublicKey } from './support/fake-push-service';
import { phonePerTest } from './support/phone-per-test';
import { screenshot } from './support/screenshot';
import { waitForServiceWorker } from './support/service-worker';

const { apiUrl, anonKey } = inject('e2e');
const db = new DemoDb();
const MANAGER = 'manager.downtown@demo.test';
const SAVE_SUBSCRIPTION = '**/rest/v1/rpc/save_push_subscription';
const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

// One build with a VAPID key for the opt-in and the install tests below.
let served: ServedApp;
beforeAll(async () => {
  served = await buildAndServeApp({ apiUrl, anonKey, env: { VITE_VAPID_PUBLIC_KEY: vapidPublicKey() } });
});
afterAll(async () => {
  await served?.close();
  await db.close();
});

describe('notifications opt-in', () => {
  const phone = phonePerTest();
  const card = (page: Page) => page.getByTestId('push-optin');

  it('asks after the first sync, saves the subscription, shows it in Account, turns off, and sign-out deletes it', async () => {
    const title = uniqueTitle('Push opt-in: new rota');
    const [briefingId] = await db.createBriefings([{ title }]);
    const { context, page } = phone();
    const subscription = await fakePushService(context);
    await context.grantPermissions(['notifications'], { origin: served.appUrl });
    const signIn = new SignInPage(page);
    const today = new TodayPage(page);
    const account = new AccountPage(page);

    await signIn.open(served.appUrl);
    expect(await card(page).count()).toBe(0);
    await signIn.signIn(DEMO.alex);
    await today.waitForBriefing(title);
    await waitForServiceWorker(page);
    await card(page).waitFor();
    await expect.poll(() => card(page).innerText()).toContain('remind you before they are due');
    await card(page).getByRole('button', { name: 'Turn on' }).click();
    await card(page).waitFor({ state: 'detached' });
    await expect.poll(() => db.pushEndpoints(SEED.alexMember)).toEqual([subscription.endpoint]);

    // The manager sees reach before reminding: nothing sent yet (alex turned on after it was
    // published), and who has notifications off, marked in the list; alex is not.
    const manager = await newPhone();
    try {
      const managerSignIn = new SignInPage(manager.page);
      await managerSignIn.open(served.appUrl);
      await managerSignIn.signIn(MANAGER);
      await manager.page.goto(`${served.appUrl}/briefings/${briefingId}/status`);
      const status = manager.page.getByTestId('ack-status');
      await status.getByTestId('ack-summary').waitFor({ timeout: 20_000 });
      const reach = status.getByTestId('ack-push-reach');
      const off = await db.pendingWithoutPush(briefingId!);
      const offText = `${off} ${off === 1 ? 'person has' : 'people have'} notifications off`;
      expect(off).toBeGreaterThan(0);
      await expect.poll(() => reach.innerText()).toBe(`Notified on 0 devices · ${offText}`);
      const person = (name: string) => status.getByTestId('ack-pending').getByRole('listitem').filter({ hasText: name });
      await expect.poll(() => person('Sam Patel').getByTestId('no-notifications').innerText()).toBe('No notifications');
      await expect.poll(() => person('Alex Kim').count()).toBe(1);
      await expect.poll(() => person('Alex Kim').getByTestId('no-notifications').count()).toBe(0);
      await expect.poll(async () => blockingViolations(await runAxe(manager.page)).map((v) => v.id)).toEqual([]);
      await screenshot(manager.page, 'ack-status-reach', person('Sam Patel'));
      await manager.page.setViewportSize({ width: 1280, height: 800 });
      await screenshot(manager.page, 'ack-status-reach-wide', person('Sam Patel'));
      await manager.page.setViewportSize({ width: 390, height: 844 });

      // The manager reminds: alex's phone is one device reached, and now waits (no sender runs
      // here); then the hour's limit. Sent, it counts as notified.
      const remind = status.getByRole('button', { name: 'Remind those who haven’t read it' });
      await expect.poll(async () => (await remind.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
      await remind.click();
      const result = status.getByTestId('remind-result');
      // (The reminder leaves the author out of its count; the status view counts everyone in its list.)
      await expect.poll(() => result.innerText()).toMatch(/^Reminded: notified on 1 device; \d+ (person has|people have) notifications off$/);
      await expect.poll(() => reach.innerText()).toBe(`Notified on 0 devices · 1 waiting to be sent · ${offText}`);
      await screenshot(manager.page, 'ack-status-reach-waiting', reach);
      await remind.click();
      await expect.poll(() => result.innerText()).toMatch(/^Already reminded; next possible at \d{1,2}:\d{2}/);
      expect(await db.markPushSent(briefingId!)).toBe(1);
      await status.getByRole('button', { name: 'Refresh' }).click();
      await expect.poll(() => reach.innerText()).toBe(`Notified on 1 device · ${offText}`);
    } finally {
      await manager.close();
    }

    // Account: on; a test is queued for this phone, once a minute; off deletes the row; on again saves it.
    await account.open();
    const settings = page.getByTestId('push-settings');
    await expect.poll(() => settings.getByTestId('push-state').innerText()).toBe('On');
    await expect.poll(() => settings.innerText()).toContain('quiet hours');
    const sendTest = settings.getByRole('button', { name: 'Send a test notification' });
    const testResult = settings.getByTestId('push-test-result');
    await expect.poll(async () => (await sendTest.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await sendTest.click();
    await expect.poll(() => testResult.innerText()).toBe('Test sent — it should arrive within a minute.');
    await expect.poll(() => db.queuedTests(subscription.endpoint)).toEqual([{ url: '/account', urgent: true, due: true }]);
    await screenshot(page, 'account-push-test-sent', sendTest);
    await sendTest.click();
    await expect.poll(() => testResult.innerText()).toMatch(/^A test was sent a moment ago\. Try again in \d+ s\.$/);
    await expect.poll(() => db.queuedTests(subscription.endpoint)).toHaveLength(1);
    await context.setOffline(true);
    await sendTest.click();
    await expect.poll(() => testResult.innerText()).toBe('You’re offline — a test needs the connection.');
    await screenshot(page, 'account-push-test-offline', sendTest);
    await expect.poll(async () => blockingViolations(await runAxe(page)).map((v) => v.id)).toEqual([]);
    await context.setOffline(false);
    await settings.getByRole('button', { name: 'Turn off' }).click();
    await expect.poll(() => settings.getByTestId('push-state').innerText()).toBe('Off');
    await expect.poll(() => db.pushEndpoints(SEED.alexMember)).toEqual([]);
    await settings.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => settings.getByTestId('push-state').innerText()).toBe('On');
    await expect.poll(() => db.pushEndpoints(SEED.alexMember)).toEqual([subscription.endpoint]);

    // The server forgets this phone (its push service answered 410): Account, opened again, saves it again unasked.
    await db.forgetPushEndpoint(subscription.endpoint);
    await today.open();
    await account.open();
    await expect.poll(() => db.pushEndpoints(SEED.alexMember)).toEqual([subscription.endpoint]);
    await expect.poll(() => settings.getByTestId('push-state').innerText()).toBe('On');
    // Forgotten again, and this time the server refuses it: Account says nothing reaches this phone; Turn on mends it.
    await db.forgetPushEndpoint(subscription.endpoint);
    await page.route(SAVE_SUBSCRIPTION, (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ code: 'XX000', message: 'down', details: null, hint: null }) }),
    );
    await today.open();
    await account.open();
    const notReaching = settings.getByTestId('push-not-reaching');
    await expect
      .poll(() => notReaching.innerText())
      .toBe('Notifications are not reaching this phone: the server does not know it. Tap Turn on to set it up again.');
    await screenshot(page, 'account-push-not-reaching', notReaching);
    await expect.poll(() => db.pushEndpoints(SEED.alexMember)).toEqual([]);
    await page.unroute(SAVE_SUBSCRIPTION);
    await settings.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => notReaching.count()).toBe(0);
    await expect.poll(() => db.pushEndpoints(SEED.alexMember)).toEqual([subscription.endpoint]);
    await expect.poll(() => settings.getByRole('button', { name: 'Send a test notification' }).count()).toBe(1);

    // Sign-out: a shared phone must not notify alex later.
    await account.tapSignOut();
    await signIn.waitUntilShown();
    await expect.poll(() => db.pushEndpoints(SEED.alexMember)).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem('e2e-fake-push-subscription'))).toBeNull();
  });

  it('remembers Not now on this phone across a reload', async () => {
    const title = uniqueTitle('Push opt-in: not now');
    await db.createBriefings([{ title }]);
    const { context, page } = phone();
    await fakePushService(context);
    await context.grantPermissions(['notifications'], { origin: served.appUrl });
    const today = new TodayPage(page);
    const signIn = new SignInPage(page);
    await signIn.open(served.appUrl);
    await signIn.signIn(DEMO.sam);
    await today.waitForBriefing(title);
    await card(page).getByRole('button', { name: 'Not now' }).click();
    await card(page).waitFor({ state: 'detached' });

    await page.reload();
    await today.waitForBriefing(title);
    await today.status.waitForPhase('idle');
    // Account's state comes from the card's own chunk: once it reads Off, Today has all it needs to decide.
    await new AccountPage(page).open();
    await expect.poll(() => page.getByTestId('push-state').innerText()).toBe('Off');
    await today.open();
    await today.waitForBriefing(title);
    expect(await card(page).count()).toBe(0);
    expect(await db.pushEndpoints(SEED.samMember)).toEqual([]);
  });
});

describe('installing the app', () => {
  it('iPhone Safari: the opt-in card and Account offer Add to Home Screen, whose sheet gives the steps', async () => {
    const title = uniqueTitle('Install: delivery times');
    await db.createBriefings([{ title }]);
    const { page, close } = await newPhone({ userAgent: IPHONE_SAFARI });
    try {
      await new SignInPage(page).open(served.appUrl);
      await new SignInPage(page).signIn(DEMO.alex);
      await new TodayPage(page).waitForBriefing(title);
      await waitForServiceWorker(page);

      // The card says why first, and offers the Home Screen instead of Turn on.
      const card = page.getByTestId('push-optin');
      await card.waitFor();
      await expect.poll(() => card.getByRole('button', { name: 'Add to Home Screen' }).count()).toBe(1);
      expect(await card.getByRole('button', { name: 'Turn on' }).count()).toBe(0);
      await screenshot(page, 'push-optin-card-iphone', card);

      const account = new AccountPage(page);
      await account.open();
      await expect.poll(() => page.getByText('iPhone and iPad: add the app to your Home Screen first').count()).toBe(1);
      await page.getByRole('main').getByRole('button', { name: 'Add to Home Screen' }).click();
      const sheet = page.getByRole('dialog', { name: 'Add Frontline to your Home Screen' });
      await sheet.waitFor();
      await expect
        .poll(() => sheet.getByRole('listitem').allInnerTexts())
        .toEqual([
          'In Safari, tap Share (the square with an arrow).',
          'Scroll down and tap “Add to Home Screen”, then Add.',
          'Open Frontline from your Home Screen and turn notifications on.',
        ]);
      const violations = blockingViolations(await runAxe(page));
      expect(violations, describeViolations(violations)).toEqual([]);
      const closeSheet = sheet.getByRole('button', { name: 'Close' });
      expect((await closeSheet.boundingBox())?.height).toBeGreaterThanOrEqual(44);
      await screenshot(page, 'install-sheet-iphone');

      await closeSheet.click();
      await sheet.waitFor({ state: 'hidden' });
      await expect
        .poll(() =>
          page
            .getByRole('main')
            .getByRole('button', { name: 'Add to Home Screen' })
            .evaluate((b) => b === document.activeElement),
        )
        .toBe(true);
    } finally {
      await close();
    }
  });

  it('where the browser offers installing, Account shows Install the app and opens its prompt once', async () => {
    const { page, close } = await newPhone();
    try {
      // Chromium offers installing this app by itself (it has a manifest and a worker):
      // its prompt() is stood in for, counting calls, and whether the app kept the
      // offer (took the browser's own bar away) is noted.
      await page.addInitScript(() => {
        const w = window as unknown as { prompted: number; offers: boolean[] };
        w.prompted = 0;
        w.offers = [];
        const stub = () => {
          w.prompted += 1;
          return Promise.resolve({ outcome: 'accepted' });
        };
        const real = (window as unknown as { BeforeInstallPromptEvent?: { prototype: { prompt(): Promise<unknown> } } }).BeforeInstallPromptEvent;
        if (real) real.prototype.prompt = stub;
        window.addEventListener('beforeinstallprompt', (event) => {
          (event as Event & { prompt(): Promise<unknown> }).prompt ??= stub;
          setTimeout(() => w.offers.push(event.defaultPrevented));
        });
      });
      await new SignInPage(page).open(served.appUrl);
      await new SignInPage(page).signIn(DEMO.alex);
      await waitForServiceWorker(page);
      // Where this Chromium did not offer it (its own timing), the event comes as Chrome sends it.
      await page.evaluate(() => {
        if ((window as unknown as { offers: boolean[] }).offers.length > 0) return;
        const offer = new Event('beforeinstallprompt', { cancelable: true }) as Event & { prompt?(): Promise<unknown> };
        window.dispatchEvent(offer);
      });
      await expect.poll(() => page.evaluate(() => (window as unknown as { offers: boolean[] }).offers)).toContain(true);

      await new AccountPage(page).open();
      const install = page.getByRole('main').getByRole('button', { name: 'Install the app' });
      await install.waitFor();
      await screenshot(page, 'account-install', install);
      await install.click();
      await expect.poll(() => page.evaluate(() => (window as unknown as { prompted: number }).prompted)).toBe(1);
      // The offer is used up: the button goes until the browser offers again.
      await install.waitFor({ state: 'detached' });
    } finally {
      await close();
    }
  });
});
