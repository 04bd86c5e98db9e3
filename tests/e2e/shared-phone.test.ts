/**
 * A shared phone: alex signs out with an acknowledgement still waiting (after a
 * warning), sam signs in on the same browser and sees none of alex's data, and
 * when alex comes back his acknowledgement is still waiting and then sent, once.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { AccountPage } from './pages/account-page';
import { SignInPage } from './pages/signin-page';
import { TodayPage } from './pages/today-page';
import { keepOutboxBusy } from './support/busy-outbox';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { phonePerTest } from './support/phone-per-test';
import { holdRequests } from './support/request-gate';

const { appUrl } = inject('e2e');
const db = new DemoDb();

describe('shared phone', () => {
  const phone = phonePerTest();
  afterAll(async () => {
    await db.close();
  });

  it("keeps alex's unsent acknowledgement through sam's session, shows sam none of alex's data, then sends it once", async () => {
    const forAlex = uniqueTitle('Shared phone: Sales floor only');
    const forSam = uniqueTitle('Shared phone: Checkout only');
    const [forAlexId] = await db.createBriefings([
      { title: forAlex, departmentIds: [SEED.salesFloor] },
      { title: forSam, departmentIds: [SEED.checkout], requiresAck: false },
    ]);
    const { context, page } = phone();
    const signIn = new SignInPage(page);
    const today = new TodayPage(page);
    const account = new AccountPage(page);

    // alex acknowledges offline, then signs out with it unsent.
    await signIn.open(appUrl);
    await signIn.signIn(DEMO.alex);
    await today.waitForBriefing(forAlex);
    await today.status.waitForPhase('idle');
    expect(await today.isListed(forSam)).toBe(false);
    await context.setOffline(true);
    await today.acknowledge(forAlex);
    await today.status.waitForWaiting(1);

    // Tapped as soon as the screen is there: the guard must not depend on how fast the count loads.
    await account.open();
    await account.tapSignOut();
    await account.signOutWarning.waitFor({ timeout: 5_000 });
    await expect.poll(() => account.signOutWarning.innerText()).toContain('1 item has not been sent yet');
    await expect.poll(() => account.waitingCount()).toBe(1);
    await account.signOutAnyway();
    await signIn.waitUntilShown();

    // sam, online, on the same browser: his own briefings, nothing of alex's.
    await context.setOffline(false);
    await signIn.signIn(DEMO.sam);
    await today.waitForBriefing(forSam);
    await today.status.waitForPhase('idle');
    expect(await today.isListed(forAlex)).toBe(false);
    expect(await today.status.waiting()).toBe(0);
    await expect.poll(() => today.status.text()).toContain('Everything sent');
    await account.open();
    await expect.poll(() => account.waitingCount()).toBe(0);
    await expect.poll(() => account.signedInAs()).toContain('Sam Patel');
    expect(await account.signedInAs()).not.toContain('Alex');
    // Sam's session sent nothing of alex's.
    expect(await db.ackCounts(SEED.alexMember, [forAlexId!])).toEqual(new Map([[forAlexId!, 0]]));
    await account.tapSignOut();
    await signIn.waitUntilShown();

    // alex again: the acknowledgement is still waiting (pushes held so we can see it), then sent.
    const pushes = await holdRequests(context, /\/rest\/v1\/rpc\/sync_push$/);
    await signIn.signIn(DEMO.alex);
    await today.waitForBriefing(forAlex);
    await today.status.waitForWaiting(1);
    await expect.poll(() => today.ackLabel(forAlex)).toBe('Acknowledged · Saved on this phone, will send');
    expect(await today.isListed(forSam)).toBe(false);
    await expect.poll(() => pushes.held()).toBeGreaterThan(0);
    await pushes.open();
    await today.status.waitForWaiting(0);
    await today.status.waitForPhase('idle');
    await expect.poll(() => today.ackLabel(forAlex)).toBe('Acknowledged · Sent');
    const acks = await db.acks(SEED.alexMember, [forAlexId!]);
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ briefing_id: forAlexId, version: 1 });
  });

  it('warns before signing out even while a sync is writing the outbox', async () => {
    const title = uniqueTitle('Shared phone: busy outbox');
    await db.createBriefings([{ title }]);
    const { context, page } = phone();
    const signIn = new SignInPage(page);
    const today = new TodayPage(page);
    const account = new AccountPage(page);
    await signIn.open(appUrl);
    await signIn.signIn(DEMO.alex);
    await today.waitForBriefing(title);
    await today.status.waitForPhase('idle');
    await context.setOffline(true);
    await today.acknowledge(title);
    await today.status.waitForWaiting(1);

    // The Account screen's live count has not loaded when the person taps.
    await keepOutboxBusy(page, 1_500);
    await account.open();
    await account.tapSignOut();
    await account.signOutWarning.waitFor({ timeout: 5_000 });
    await expect.poll(() => account.signOutWarning.innerText()).toContain('1 item has not been sent yet');
    await account.signOutWarning.getByRole('button', { name: 'Stay signed in' }).click();
    await account.signOutWarning.waitFor({ state: 'detached' });

    await context.setOffline(false);
    await account.status.waitForWaiting(0);
  });
});
