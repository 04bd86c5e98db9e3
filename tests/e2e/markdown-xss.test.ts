/**
 * A briefing body is author text shown on every phone: the safe markdown subset
 * renders as elements, and HTML, script and javascript: links in it stay text
 * that runs nothing, even when tapped.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { DEMO, DemoDb, uniqueTitle } from './support/demo-db';
import { phonePerTest } from './support/phone-per-test';

const { appUrl } = inject('e2e');
const db = new DemoDb();

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=2">';
const JS_LINK = '[click](javascript:window.__pwned=3)';
const BODY = [
  '# Fire drill at 11',
  `Read this first. ${SCRIPT}`,
  IMG,
  '',
  '## Where to meet',
  '- **Car park** by the *loading bay*',
  '- Bring your badge',
  '',
  '1. Close the tills',
  '2. Walk out calmly',
  '',
  `${JS_LINK} or read the [fire policy](https://intranet.example.test/fire).`,
].join('\n');

describe('briefing body markdown', () => {
  const phone = phonePerTest();
  afterAll(async () => {
    await db.close();
  });

  it('renders headings, lists, bold and safe links, and shows script, HTML and javascript: links as inert text', async () => {
    const title = uniqueTitle('Markdown: fire drill');
    await db.createBriefings([{ title, body: BODY, requiresAck: false }]);
    const { context, page } = phone();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    const signIn = new SignInPage(page);
    const today = new TodayPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(DEMO.alex);
    await today.waitForBriefing(title);
    // Today shows a plain preview; the briefing's own screen renders its text.
    await today.openBriefing(title);
    const card = today.briefing(title);

    // The author's HTML and script are on screen, character for character.
    await expect.poll(() => card.innerText()).toContain(SCRIPT);
    await expect.poll(() => card.innerText()).toContain(IMG);
    await expect.poll(() => card.innerText()).toContain(JS_LINK);
    expect(await card.locator('script, img, iframe, object, embed, svg, style').count()).toBe(0);
    expect(await card.locator('[onerror], [onclick], [onload], [style]').count()).toBe(0);

    // The subset renders as elements.
    await card.getByRole('heading', { level: 4, name: 'Fire drill at 11', exact: true }).waitFor();
    await card.getByRole('heading', { level: 5, name: 'Where to meet', exact: true }).waitFor();
    await expect.poll(() => card.locator('ul > li').allInnerTexts()).toEqual(['Car park by the loading bay', 'Bring your badge']);
    await expect.poll(() => card.locator('ol > li').allInnerTexts()).toEqual(['Close the tills', 'Walk out calmly']);
    await expect.poll(() => card.locator('.body strong').allInnerTexts()).toEqual(['Car park']);
    await expect.poll(() => card.locator('em').allInnerTexts()).toEqual(['loading bay']);

    // One link in the body, the safe one, opening apart from the app; the javascript: one is not a link.
    const links = card.locator('.body a');
    await expect.poll(() => links.count()).toBe(1);
    await expect.poll(() => links.first().getAttribute('href')).toBe('https://intranet.example.test/fire');
    await expect.poll(() => links.first().getAttribute('rel')).toBe('noopener noreferrer');
    await expect.poll(() => links.first().getAttribute('target')).toBe('_blank');
    expect(await card.getByRole('link', { name: 'click' }).count()).toBe(0);

    // Tapping the javascript: text does nothing: no script ran, no navigation, no new tab, no dialog.
    const before = page.url();
    const pagesBefore = context.pages().length;
    await card.getByText('javascript:window.__pwned=3', { exact: false }).click();
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);
    expect(context.pages().length).toBe(pagesBefore);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelectorAll('script:not([src]), img[onerror]').length)).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
