/**
 * One item the server cannot read (issue 9, finding 5): a kudos whose message
 * holds a NUL character (Postgres cannot store it in jsonb, so a push holding
 * it fails whole) waits in the outbox ahead of three acknowledgements made
 * offline. Back online, the three acknowledgements land once, pulls go on, and
 * the bad kudos is named in the refused list, where it can be discarded.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { AccountPage } from './pages/account-page';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { phonePerTest } from './support/phone-per-test';
import { addRawOutboxEntry } from './support/raw-outbox';
import { screenshot } from './support/screenshot';

const { appUrl } = inject('e2e');
const db = new DemoDb();

describe('one bad item in the outbox', () => {
  const phone = phonePerTest();
  afterAll(async () => {
    await db.close();
  });

  it('is refused alone and shown by name; the acknowledgements behind it land and pulls go on', { timeout: 90_000 }, async () => {
    const titles = [uniqueTitle('Bad item: fire exits'), uniqueTitle('Bad item: cash up'), uniqueTitle('Bad item: deliveries')];
    const ids = await db.createBriefings(titles.map((title) => ({ title })));
    const { context, page } = phone();
    const today = new TodayPage(page);
    const account = new AccountPage(page);
    await new SignInPage(page).open(appUrl);
    await new SignInPage(page).signIn(DEMO.alex);
    for (const title of titles) await today.waitForBriefing(title);
    await today.status.waitForPhase('idle');

    await context.setOffline(true);
    await today.status.waitForPhase('offline');
    await addRawOutboxEntry(page, {
      id: randomUUID(),
      type: 'kudos',
      created_at: new Date().toISOString(),
      payload: { to_member_id: SEED.samMember, message: 'Great\u0000 job with the queue today' },
    });
    for (const title of titles) await today.acknowledge(title);
    await today.status.waitForWaiting(4);

    const later = uniqueTitle('Bad item: sent while offline');
    await db.createBriefings([{ title: later }]);
    await context.setOffline(false);

    await today.status.waitForWaiting(0, 30_000);
    await expect.poll(() => db.ackCounts(SEED.alexMember, ids)).toEqual(new Map(ids.map((id) => [id, 1])));
    await today.waitForBriefing(later);
    for (const title of titles) await expect.poll(() => today.ackLabel(title)).toBe('Acknowledged · Sent');

    await today.status.refusedLink().click();
    await expect.poll(() => account.refusedItems()).toEqual(['Kudos to Sam Patel: “Great job with the queue today”']);
    await screenshot(page, 'account-refused-item', page.getByTestId('refused-item'));
    await account.discard('Kudos to Sam Patel');
    await page.getByText('Nothing was refused.').waitFor();
    await expect.poll(() => today.status.refusedLink().count()).toBe(0);
  });
});
