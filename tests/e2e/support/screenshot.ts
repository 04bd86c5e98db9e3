import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** What the phone shows (with `focus` in the middle when given), into SCREENSHOT_DIR when it is set, for looking at a change by eye. */
export async function screenshot(page: Page, name: string, focus?: Locator): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await focus?.first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(dir, `${name}.png`) });
}
