import type { Page } from 'playwright-core';

/**
 * The page goes to the background and comes back, as when the person switches apps
 * on the phone. Headless Chromium keeps every tab visible, so the document's
 * visibility is overridden for the moment and the two `visibilitychange` events are
 * fired the way the browser fires them; the app's listeners cannot tell the difference.
 */
export async function hideAndShow(page: Page): Promise<void> {
  await page.evaluate(() => {
    const fire = (state: DocumentVisibilityState) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    fire('hidden');
    fire('visible');
    // Back to the browser's own (prototype) getters.
    delete (document as { visibilityState?: unknown }).visibilityState;
    delete (document as { hidden?: unknown }).hidden;
  });
}
