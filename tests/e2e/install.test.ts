/**
 * Installing the app (#11 item 1). iPhone and iPad deliver web push only to an app on
 * the Home Screen and have no install prompt: Safari there is offered "Add to Home
 * Screen", on Today's opt-in card and in Account, which opens a sheet with the steps.
 * Where Chrome offers installing (`beforeinstallprompt`, kept from the first moment),
 * Account shows "Install the app", which opens the browser's own prompt once. Chromium
 * here is told it is iPhone Safari by its user agent, and cannot offer installing by
 * itself, so the test fires the event as Chrome would.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AccountPage } from './pages/account-page';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { buildAndServeApp, type ServedApp } from './support/app-server';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { newPhone } from './support/browser';
import { DEMO, DemoDb, uniqueTitle } from './support/demo-db';
import { vapidPublicKey } from './support/fake-push-service';
import { screenshot } from './support/screenshot';
import { waitForServiceWorker } from './support/service-worker';

const { apiUrl, anonKey } = inject('e2e');
const db = new DemoDb();
const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

describe('installing the app', () => {
  let served: ServedApp;
  beforeAll(async () => {
    served = await buildAndServeApp({ apiUrl, anonKey, env: { VITE_VAPID_PUBLIC_KEY: vapidPublicKey() } });
  });
  afterAll(async () => {
    await served?.close();
    await db.close();
  });

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
