/**
 * Issue 4's whole loop through the UI only, three people on three 390x844
 * phones: Downtown's manager composes a must-acknowledge briefing offline and
 * it goes out on reconnect; alex's phone gets it, alex acknowledges it offline
 * and it lands on reconnect; the manager's reach view shows alex acknowledged
 * and sam not; the manager edits the text; alex is asked again and
 * acknowledges version 2; HR's CSV export holds alex's rows for both versions
 * with the content hash of each.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../support/csv';
import { ComposePage } from './pages/compose-page';
import { InsightsPage } from './pages/insights-page';
import { TodayPage } from './pages/today-page';
import { BriefingDb } from './support/briefing-db';
import { DEMO, DemoDb, SEED, uniqueTitle } from './support/demo-db';
import { signedInPhones } from './support/signed-in-phones';

const { appUrl } = inject('e2e');
const briefings = new BriefingDb();
const demo = new DemoDb();
const phones = signedInPhones(appUrl);
const titles: string[] = [];

describe('the briefing loop', () => {
  afterAll(async () => {
    await phones.closeAll();
    await briefings.close(titles);
    await demo.close();
  });

  it('compose offline → staff acknowledge offline → reach → edit → asked again → audit export of both versions', async () => {
    const title = uniqueTitle('Loop: new till procedure');
    titles.push(title);

    // The manager, on the floor with no signal.
    const manager = await phones.open('manager.downtown@demo.test');
    const compose = new ComposePage(manager.page);
    await compose.open();
    await compose.status.waitForPhase('idle');
    await manager.context.setOffline(true);
    await compose.startNew();
    await compose.fill({
      title,
      body: 'Count the float twice.\nSign the till sheet.',
      ackDue: await manager.page.evaluate(() => {
        const d = new Date(Date.now() + 86_400_000);
        const pad = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T18:00`;
      }),
    });
    await compose.preview();
    await compose.send();
    await expect.poll(() => compose.sendState(title)).toBe('Saved on this phone, will send');
    await manager.context.setOffline(false);
    await expect.poll(() => compose.sendState(title), { timeout: 20_000 }).toBe('Sent (version 1)');

    // Alex's phone gets it after a sync, then alex acknowledges with no signal.
    const alex = await phones.open(DEMO.alex);
    const today = new TodayPage(alex.page);
    await today.waitForBriefing(title, 20_000);
    await expect.poll(() => today.sectionOf(title)).toBe('pinned');
    await alex.context.setOffline(true);
    await today.acknowledge(title);
    await expect.poll(() => today.ackLabel(title)).toBe('Acknowledged · Saved on this phone, will send');
    await alex.context.setOffline(false);
    await today.status.waitForWaiting(0);
    await expect.poll(() => today.ackLabel(title)).toBe('Acknowledged · Sent');

    // The manager's reach view: alex has, sam has not.
    await compose.openReach(title);
    await compose.refreshReach();
    const pendingV1 = await compose.pendingNames();
    expect(pendingV1).toContain('Sam Patel');
    expect(pendingV1).not.toContain('Alex Kim');
    await expect.poll(() => compose.ackSummary()).toMatch(/^Acknowledged 1 of \d+$/);
    await compose.closeReach();

    // A new version: the acknowledgement of version 1 no longer counts.
    await compose.edit(title);
    await compose.fill({ body: 'Count the float twice.\nSign the till sheet and ask a colleague to countersign.' });
    await compose.preview();
    await compose.send();
    await expect.poll(() => compose.sendState(title), { timeout: 20_000 }).toBe('Sent (version 2)');
    await compose.openReach(title);
    await compose.refreshReach();
    await expect.poll(() => compose.pendingNames()).toContain('Alex Kim');
    await compose.closeReach();

    // Alex is asked again, sees what changed, and acknowledges version 2.
    await alex.page.reload();
    await expect.poll(() => today.ackLabel(title), { timeout: 20_000 }).toBe('Please acknowledge');
    await expect.poll(() => today.askedAgainNote(title)).toContain('since you acknowledged version 1');
    await today.openBriefing(title);
    await expect.poll(async () => (await today.changes(title)).added).toEqual(['Sign the till sheet and ask a colleague to countersign.']);
    await today.acknowledge(title);
    await today.status.waitForWaiting(0);

    // HR's audit export has alex's two acknowledgements, one per version, each with that version's hash.
    const hr = await phones.open('hr@demo.test');
    const insights = new InsightsPage(hr.page);
    await insights.open();
    const [header, ...records] = parseCsv(await insights.exportToFile());
    const column = (name: string) => header!.indexOf(name);
    const alexRows = records.filter((r) => r[column('briefing')] === title && r[column('employee_email')] === DEMO.alex);
    const [briefing] = await briefings.titled(title);
    const hashes = await demo.versionHashes(briefing!.id);
    expect(alexRows.map((r) => [r[column('version')], r[column('content_hash')]]).sort()).toEqual([
      ['1', hashes.get(1)],
      ['2', hashes.get(2)],
    ]);
    expect(hashes.get(1)).not.toBe(hashes.get(2));
    expect(alexRows.every((r) => r[column('person')] === 'Alex Kim' && r[column('store')] === 'Downtown')).toBe(true);
    expect(await demo.acks(SEED.alexMember, [briefing!.id])).toHaveLength(2);
  });
});
