import type { Page } from 'playwright-core';

/**
 * Waits until the app's service worker is active and controls `page` (the shell is
 * then precached). The worker claims open pages on activation; if this page still has
 * no controller after a moment, one reload hands it over.
 */
export async function waitForServiceWorker(page: Page, timeoutMs = 30_000): Promise<void> {
  const ready = await page.evaluate(
    (ms) => Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]),
    timeoutMs,
  );
  if (!ready) {
    const registered = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((found) => found !== undefined));
    throw new Error(
      registered
        ? `The service worker for ${page.url()} did not activate within ${timeoutMs} ms`
        : `${page.url()} registered no service worker (src/app/main.tsx must call registerServiceWorker() from src/app/pwa.ts)`,
    );
  }
  const isControlled = () => navigator.serviceWorker.controller !== null;
  try {
    await page.waitForFunction(isControlled, null, { timeout: 3_000 });
  } catch {
    await page.reload();
    await page.waitForFunction(isControlled, null, { timeout: timeoutMs });
  }
}
