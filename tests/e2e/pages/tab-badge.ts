import type { Page } from 'playwright-core';

/**
 * The badge on one tab of the bar (0 when there is none), as a screen reader hears it: the tab's
 * description must start with the number and say one of `words` right after it ("3 left to
 * acknowledge"), so the number on screen and the one spoken are checked together.
 */
export async function tabBadge(page: Page, nav: string, tab: string, words: readonly string[]): Promise<number> {
  const button = page.getByRole('navigation', { name: nav }).getByRole('button', { name: tab, exact: true });
  const description = (await button.getAttribute('aria-describedby')) ?? '';
  if (!description) return 0;
  const spoken = (await page.locator(`[id="${description}"]`).textContent()) ?? '';
  const count = Number(spoken.match(/^\d+/)?.[0] ?? Number.NaN);
  if (!words.some((word) => spoken.includes(`${count} ${word}`))) throw new Error(`tab says "${spoken}"`);
  return count;
}
