import type { Page } from 'playwright-core';

/** The "App version" the Account screen shows (the build's VITE_APP_BUILD); opens Account first. */
export async function shownAppVersion(page: Page): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Account', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
  return (await page.getByTestId('app-version').innerText()).trim();
}
