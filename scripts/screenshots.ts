/**
 * `npm run screenshots`: every screen as the demo people see it, on a 390x844
 * phone (and the wide layout's Today, new briefing and Reports at 1280 wide), written to screenshots/ for looking at
 * by eye before a change lands. Runs on its own throwaway stack and build, so it
 * works beside `npm start`; the demo seed is the content.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { startStack } from '../supabase/local/stack';
import { SignInPage } from '../tests/e2e/pages/signin-page';
import { buildAndServeApp } from '../tests/e2e/support/app-server';
import { newPhone } from '../tests/e2e/support/browser';
import { PROJECT_ROOT } from './stack-config';

interface Shot {
  name: string;
  email: string;
  /** The tab button to open after signing in (its English label). */
  tab: string;
  width?: number;
  /** Runs before the shot: open a dialog, fill a form, go offline. */
  prepare?(page: Page, sql: pg.Pool): Promise<void>;
}

const SHOTS: Shot[] = [
  { name: 'today-alex', email: 'alex@demo.test', tab: 'Today' },
  {
    name: 'today-alex-changed',
    email: 'alex@demo.test',
    tab: 'Today',
    async prepare(page, sql) {
      const card = page.getByTestId('briefing').first();
      const title = await card.getByRole('heading', { level: 3 }).innerText();
      await card.getByRole('button', { name: 'Read and understood' }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid=sync-status]')?.getAttribute('data-waiting') === '0');
      await sql.query(`update public.briefings set body = body || E'\\n\\nUpdated: meet at the front door, not the stockroom.' where title = $1`, [title]);
      await page.reload();
      await page.getByRole('note').first().waitFor({ timeout: 15_000 });
    },
  },
  {
    name: 'today-alex-search',
    email: 'alex@demo.test',
    tab: 'Today',
    async prepare(page) {
      await page.getByRole('searchbox').fill('lifting');
      await page.getByRole('status').first().waitFor();
    },
  },
  {
    name: 'briefing-alex',
    email: 'alex@demo.test',
    tab: 'Today',
    async prepare(page) {
      await page.getByTestId('briefing').getByRole('link').first().click();
      await page.waitForURL(/\/briefings\/[0-9a-f-]+$/);
    },
  },
  {
    name: 'unavailable-alex',
    email: 'alex@demo.test',
    tab: 'Today',
    async prepare(page) {
      await page.goto(new URL('/reports', page.url()).href);
      await page.getByTestId('unavailable').waitFor();
    },
  },
  { name: 'account-alex', email: 'alex@demo.test', tab: 'Account' },
  { name: 'briefings-manager', email: 'manager.downtown@demo.test', tab: 'Briefings' },
  {
    name: 'briefings-manager-compose',
    email: 'manager.downtown@demo.test',
    tab: 'Briefings',
    async prepare(page) {
      await page.getByRole('button', { name: 'New briefing' }).click();
      await page.getByLabel('Title', { exact: true }).fill('Truck at 9: clear bay 2');
      await page.getByLabel('Text', { exact: true }).fill('## Before opening\n- Clear **bay 2**\n- Pallets to the stockroom');
      await page
        .getByText(/^Reaches \d+ people/)
        .first()
        .waitFor();
    },
  },
  {
    name: 'briefings-manager-reach',
    email: 'manager.downtown@demo.test',
    tab: 'Briefings',
    async prepare(page) {
      await page.getByRole('button', { name: 'Who has read it' }).first().click();
      await page.getByTestId('ack-summary').waitFor();
    },
  },
  {
    name: 'reports-manager',
    email: 'manager.downtown@demo.test',
    tab: 'Reports',
    async prepare(page) {
      await page.getByTestId('kpi-rate').waitFor();
    },
  },
  {
    name: 'reports-hr',
    email: 'hr@demo.test',
    tab: 'Reports',
    async prepare(page) {
      await page.getByTestId('kpi-rate').waitFor();
    },
  },
  {
    name: 'reports-hr-wide',
    email: 'hr@demo.test',
    tab: 'Reports',
    width: 1280,
    async prepare(page) {
      await page.getByTestId('kpi-rate').waitFor();
    },
  },
  // The wide layout (≥ 1024 px): the side navigation instead of the bar, screens that use the width.
  ...(['manager.downtown', 'hr'] as const).flatMap((who): Shot[] => {
    const email = `${who}@demo.test`;
    const name = who === 'hr' ? 'hr' : 'manager';
    return [
      { name: `wide-${name}-today`, email, tab: 'Today', width: 1280 },
      {
        name: `wide-${name}-compose`,
        email,
        tab: 'Briefings',
        width: 1280,
        async prepare(page) {
          await page.getByRole('button', { name: 'New briefing' }).click();
          await page.getByLabel('Title', { exact: true }).waitFor();
        },
      },
      {
        name: `wide-${name}-reports`,
        email,
        tab: 'Reports',
        width: 1280,
        async prepare(page) {
          await page.getByTestId('kpi-rate').waitFor();
        },
      },
    ];
  }),
  { name: 'more-hr', email: 'hr@demo.test', tab: 'More' },
  { name: 'learn-alex', email: 'alex@demo.test', tab: 'Learn' },
  {
    name: 'learn-alex-question',
    email: 'alex@demo.test',
    tab: 'Learn',
    async prepare(page) {
      await page.getByTestId('lesson-row').filter({ hasText: 'Safe lifting' }).getByRole('button', { name: 'Start' }).click();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('button', { name: 'Start the quiz' }).click();
      await page.getByLabel('Lift it quickly').check();
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.getByTestId('quiz-feedback').waitFor();
    },
  },
  {
    name: 'learn-hr-editor',
    email: 'hr@demo.test',
    tab: 'More',
    async prepare(page) {
      await page.locator('.more-list').getByRole('button', { name: 'Learn' }).click();
      await page.getByRole('button', { name: 'New lesson' }).click();
      await page.getByRole('heading', { level: 1, name: 'New lesson' }).waitFor();
    },
  },
  {
    name: 'learn-manager-report',
    email: 'manager.downtown@demo.test',
    tab: 'More',
    async prepare(page) {
      await page.locator('.more-list').getByRole('button', { name: 'Learn' }).click();
      await page.getByRole('button', { name: 'Training report' }).click();
      await page.getByTestId('report-lesson').first().waitFor();
    },
  },
  { name: 'values-alex-cards', email: 'alex@demo.test', tab: 'Values' },
  {
    name: 'values-alex-kudos',
    email: 'alex@demo.test',
    tab: 'Values',
    async prepare(page) {
      await page.getByRole('group', { name: 'Values sections' }).getByRole('button', { name: 'Give kudos' }).click();
      await page.getByLabel('Find a colleague').fill('sam');
      await page.getByRole('radio', { name: 'Sam Patel' }).check({ timeout: 15_000 });
      await page.getByLabel('Message', { exact: true }).fill('Thanks for covering my till at lunch!');
    },
  },
  {
    name: 'values-alex-wall',
    email: 'alex@demo.test',
    tab: 'Values',
    async prepare(page) {
      await page.getByRole('group', { name: 'Values sections' }).getByRole('button', { name: 'Kudos wall' }).click();
    },
  },
  {
    name: 'values-hr-editor',
    email: 'hr@demo.test',
    tab: 'More',
    async prepare(page) {
      await page.getByRole('main').getByRole('button', { name: 'Values', exact: true }).click();
      await page.getByRole('group', { name: 'Values sections' }).getByRole('button', { name: 'Edit cards' }).click();
    },
  },
  {
    name: 'values-manager-report',
    email: 'manager.downtown@demo.test',
    tab: 'More',
    async prepare(page) {
      await page.getByRole('main').getByRole('button', { name: 'Values', exact: true }).click();
      await page.getByRole('group', { name: 'Values sections' }).getByRole('button', { name: 'Recognition' }).click();
      await page.getByTestId('recognition-store').first().waitFor();
    },
  },
  {
    name: 'voice-alex-form',
    email: 'alex@demo.test',
    tab: 'Voice',
    async prepare(page) {
      await page.getByLabel('Your message', { exact: true }).fill('The stockroom door sticks when it is cold.');
      await page.getByRole('switch', { name: 'Send anonymously' }).check();
    },
  },
  {
    name: 'voice-alex-board',
    email: 'alex@demo.test',
    tab: 'Voice',
    async prepare(page) {
      await page.getByRole('button', { name: 'You said, we did' }).click();
    },
  },
  {
    name: 'voice-manager-inbox',
    email: 'manager.downtown@demo.test',
    tab: 'Voice',
    async prepare(page) {
      await page.getByRole('status').filter({ hasText: /item/ }).waitFor();
    },
  },
  {
    name: 'voice-hr-pulses',
    email: 'hr@demo.test',
    tab: 'Voice',
    async prepare(page) {
      await page.getByRole('button', { name: 'Pulses', exact: true }).click();
      await page.getByTestId('pulse-report').getByTestId('pulse-responses').waitFor();
    },
  },
];

const outDir = join(PROJECT_ROOT, 'screenshots');
const only = process.argv.slice(2);
const workDir = await mkdtemp(join(tmpdir(), 'frontline-shots-'));
const stack = await startStack({ dataDir: join(workDir, 'pg'), persistent: false, apiPort: 0, dbPort: 0 });
const sql = new pg.Pool({ connectionString: stack.databaseUrl, max: 1 });
try {
  const app = await buildAndServeApp({ apiUrl: stack.apiUrl, anonKey: stack.anonKey, keepStdoutClean: true });
  await mkdir(outDir, { recursive: true });
  try {
    for (const shot of SHOTS.filter((s) => only.length === 0 || only.some((o) => s.name.startsWith(o)))) {
      const phone = await newPhone(shot.width ? { viewport: { width: shot.width, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 } : {});
      try {
        const signIn = new SignInPage(phone.page);
        await signIn.open(app.appUrl);
        await signIn.signIn(shot.email);
        await phone.page.waitForFunction(() => document.querySelector('[data-testid=sync-status]')?.getAttribute('data-phase') === 'idle', null, {
          timeout: 20_000,
        });
        // From 1024 px the side navigation's links stand in for the bar's buttons.
        await phone.page
          .getByRole('navigation', { name: 'Main' })
          .getByRole(shot.width && shot.width >= 1024 ? 'link' : 'button', { name: shot.tab, exact: true })
          .click();
        await shot.prepare?.(phone.page, sql);
        await phone.page.waitForTimeout(300);
        const file = join(outDir, `${shot.name}.png`);
        await phone.page.screenshot({ path: file, fullPage: true });
        console.log(`screenshots: ${file}`);
      } finally {
        await phone.close();
      }
    }
  } finally {
    await app.close();
  }
} finally {
  await sql.end();
  await stack.stop();
  await rm(workDir, { recursive: true, force: true });
}
