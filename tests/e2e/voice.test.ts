/**
 * The Voice tab end to end. Alex, offline, sends anonymous feedback to the
 * store, named feedback, and answers the open pulse; back online each lands
 * in Postgres exactly once (the anonymous one with no author, the pulse as one
 * participation) and the pulse is never offered again. Downtown's manager sees
 * the anonymous item as "Anonymous" with no name anywhere in it, replies
 * publicly and marks it answered, and replies privately to the named one;
 * after a sync Alex's board shows the public reply with no author, and My
 * feedback shows the named item answered with the manager's reply. HR sees
 * pulse results (a closed pulse with figures, the open one with its count and
 * the reason) and the trend. axe scans each screen; screenshots go to
 * SCREENSHOT_DIR when it is set.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/signin-page';
import { VoicePage } from './pages/voice-page';
import { blockingViolations, describeViolations, runAxe } from './support/axe';
import { newPhone } from './support/browser';
import { SEED } from './support/demo-db';
import { findOverflow, pseudoLocalize } from './support/layout';
import { waitForServiceWorker } from './support/service-worker';

const { appUrl, databaseUrl } = inject('e2e');
const SEED_PULSE = '9e000000-0000-4000-8000-000000000001';
const SEED_QUESTION = 'How likely are you to recommend working here to a friend?';
const RIVERSIDE = '5a000000-0000-4000-8000-000000000002';
const sql = new pg.Pool({ connectionString: databaseUrl, max: 2 });

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = blockingViolations(await runAxe(page));
  if (violations.length > 0) console.error(`axe: ${screen}\n${describeViolations(violations)}`);
  expect(violations.map((v) => `${screen}: [${v.impact}] ${v.id} (${v.nodes.length} elements)`)).toEqual([]);
}

/** What the phone shows with `top` scrolled to the top, into SCREENSHOT_DIR when it is set. */
async function snapshot(page: Page, name: string, top: Locator): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await top.first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(dir, `voice-${name}.png`) });
}

async function signedIn(email: string): Promise<{ page: Page; voice: VoicePage; close(): Promise<void> }> {
  const phone = await newPhone();
  const signIn = new SignInPage(phone.page);
  await signIn.open(appUrl);
  await signIn.signIn(email);
  const voice = new VoicePage(phone.page);
  await voice.status.waitForPhase('idle', 20_000);
  return { page: phone.page, voice, close: () => phone.close() };
}

async function feedbackRows(body: string): Promise<Array<{ author_id: string | null; is_anonymous: boolean; status: string }>> {
  const { rows } = await sql.query('select author_id, is_anonymous, status from public.feedback where body = $1', [body]);
  return rows;
}

/** Open store feedback at Downtown, as Postgres counts it: what its manager's Voice tab should say. */
async function openAtDowntown(): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    "select count(*)::int as n from public.feedback where store_id = $1 and recipient = 'store' and status = 'open'",
    [SEED.downtown],
  );
  return rows[0]!.n;
}

async function participations(pulseId: string, memberId: string): Promise<number> {
  const { rows } = await sql.query<{ n: string }>('select count(*) as n from public.pulse_participation where pulse_id = $1 and member_id = $2', [
    pulseId,
    memberId,
  ]);
  return Number(rows[0]!.n);
}

/** A pulse that closed yesterday with answers from both stores, written straight into Postgres, so results have figures. */
async function closedPulseWithAnswers(question: string): Promise<void> {
  const id = randomUUID();
  await sql.query(
    `insert into public.pulses (id, org_id, question, scale, allow_comment, opens_at, closes_at)
     values ($1, $2, $3, 'nps_0_10', true, now() - interval '20 days', now() - interval '1 day')`,
    [id, SEED.org, question],
  );
  const answers: Array<[string, string | null, number, string | null]> = [
    [SEED.downtown, SEED.salesFloor, 10, 'Great team'],
    [SEED.downtown, SEED.checkout, 9, null],
    [SEED.downtown, SEED.salesFloor, 8, null],
    [SEED.downtown, SEED.checkout, 6, 'Rotas come late'],
    [SEED.downtown, SEED.salesFloor, 9, null],
    [RIVERSIDE, null, 7, null],
    [RIVERSIDE, null, 3, null],
  ];
  for (const [store, department, score, comment] of answers) {
    await sql.query('insert into public.pulse_responses (pulse_id, store_id, department_id, score, comment) values ($1, $2, $3, $4, $5)', [
      id,
      store,
      department,
      score,
      comment,
    ]);
  }
}

describe('Voice tab', () => {
  const closedQuestion = `e2e: how was the autumn sale? ${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    await closedPulseWithAnswers(closedQuestion);
  });
  afterAll(async () => {
    await sql.end();
  });

  it('offline feedback and pulse land once; the manager answers; Alex sees the board and the reply; HR sees results', async () => {
    const anonymousText = `The stockroom door sticks, please fix it ${randomUUID().slice(0, 8)}`;
    const namedText = `Can we get a second till at lunchtime? ${randomUUID().slice(0, 8)}`;
    const publicReply = `We booked a locksmith for Monday ${randomUUID().slice(0, 8)}`;
    const privateReply = `Yes, from next week ${randomUUID().slice(0, 8)}`;

    const alex = await signedIn('alex@demo.test');
    try {
      await waitForServiceWorker(alex.page);
      await alex.voice.open();
      await expect.poll(() => alex.voice.openPulses()).toEqual([SEED_QUESTION]);

      await alex.page.context().setOffline(true);
      await alex.voice.status.waitForPhase('offline');
      await alex.voice.fillFeedback({ text: anonymousText, anonymous: true, kind: 'concern' });
      await expect
        .poll(() => alex.voice.anonymousExplanation())
        .toMatch(
          /^Anonymous: your name, your account and the time of day are not stored; only your store, the day and what you wrote\. Nobody, not even HR, can see who wrote it\./,
        );
      await snapshot(alex.page, 'form-anonymous', alex.page.getByLabel('Your message', { exact: true }));
      await expectAccessible(alex.page, 'feedback form');
      await alex.page.getByRole('button', { name: 'Send feedback' }).click();
      // Offline, nothing has left the phone, and the confirmation says exactly that.
      await expect.poll(() => alex.page.getByTestId('feedback-sent').innerText()).toMatch(/^Saved on this phone, will send\s+Anonymous: nothing on this phone/);
      await alex.page.getByRole('button', { name: 'Write another' }).click();
      expect(await alex.voice.sendFeedback({ text: namedText, anonymous: false, kind: 'question' })).toMatch(
        /^Saved on this phone, will send\s+With your name: follow it/,
      );

      await snapshot(alex.page, 'pulse', alex.page.getByTestId('pulse'));
      await expectAccessible(alex.page, 'pulse');
      expect(await alex.voice.answerPulse(8, 'Good team')).toMatch(/^Saved on this phone, will send\s+Thanks\. Your answer is anonymous\./);
      await alex.voice.status.waitForWaiting(3);

      await expect.poll(() => alex.voice.myFeedback(namedText)).toEqual({ status: 'Saved on this phone, will send', replies: [] });
      expect(await alex.page.getByTestId('my-feedback').filter({ hasText: anonymousText }).count()).toBe(0);
      expect(await feedbackRows(anonymousText)).toEqual([]);

      await alex.page.context().setOffline(false);
      await alex.voice.status.waitForWaiting(0, 20_000);
      expect(await feedbackRows(anonymousText)).toEqual([{ author_id: null, is_anonymous: true, status: 'open' }]);
      expect(await feedbackRows(namedText)).toEqual([{ author_id: SEED.alexMember, is_anonymous: false, status: 'open' }]);
      expect(await participations(SEED_PULSE, SEED.alexMember)).toBe(1);

      // After a restart the pulse is answered as far as the server and the phone know: it is not offered again.
      await alex.page.reload();
      await alex.voice.open();
      await alex.voice.status.waitForPhase('idle');
      // Read once on purpose, with the sync settled: the pulse must not be offered at all.
      expect(await alex.voice.openPulses()).toEqual([]);
      expect(await participations(SEED_PULSE, SEED.alexMember)).toBe(1);
    } finally {
      await alex.close();
    }

    const manager = await signedIn('manager.downtown@demo.test');
    try {
      await manager.voice.open();
      // The Voice tab carries the open inbox, as Postgres counts it, seen and spoken.
      await expect.poll(async () => (await manager.voice.tabCount()) === (await openAtDowntown())).toBe(true);
      expect(await manager.voice.tabCount()).toBeGreaterThanOrEqual(2);
      await manager.voice.showInbox('open');
      await expect.poll(async () => (await manager.voice.inboxItems()).filter((i) => i.text.includes(anonymousText)).length).toBe(1);
      const inboxItem = async (text: string) => (await manager.voice.inboxItems()).find((i) => i.text.includes(text));
      await expect.poll(async () => (await inboxItem(anonymousText))?.who ?? '').toMatch(/^Anonymous · \w{3} \d{1,2}, \d{4}$/);
      expect((await inboxItem(anonymousText))!.text).not.toMatch(/Alex|Kim|alex@/);
      await expect.poll(async () => (await inboxItem(namedText))?.who ?? '').toMatch(/^From Alex Kim · /);

      await manager.voice.startReply(anonymousText, publicReply);
      await snapshot(manager.page, 'inbox-reply', manager.voice.inboxItem(anonymousText));
      await expectAccessible(manager.page, 'inbox with reply form');
      await manager.page.getByRole('button', { name: 'Send reply' }).click();
      await manager.page.getByLabel('Your reply').waitFor({ state: 'detached' });
      await manager.voice.reply(namedText, privateReply, { public: false });
      // Answered, both stay where they were, marked answered with the reply under them; a refresh files them away.
      await expect.poll(async () => (await manager.voice.inboxItem(anonymousText).locator('.voice-state').innerText()).trim()).toBe('Answered');
      await expect.poll(async () => (await manager.voice.inboxItem(namedText).innerText()).includes(privateReply)).toBe(true);
      await manager.page.getByRole('button', { name: 'Refresh' }).click();
      await expect.poll(async () => (await manager.voice.inboxItems()).some((i) => i.text.includes(anonymousText) || i.text.includes(namedText))).toBe(false);
      expect((await feedbackRows(anonymousText))[0]!.status).toBe('answered');
      // Two answered: the tab's count follows at once.
      await expect.poll(async () => (await manager.voice.tabCount()) === (await openAtDowntown())).toBe(true);
      expect((await feedbackRows(namedText))[0]!.status).toBe('answered');

      await manager.voice.show('results');
      await manager.page.getByTestId('pulse-reason').waitFor();
      await expect.poll(() => manager.page.getByTestId('pulse-reason').innerText()).toMatch(/^Results show once the pulse has closed/);
    } finally {
      await manager.close();
    }

    const alexAgain = await signedIn('alex@demo.test');
    try {
      await alexAgain.voice.open();
      await expect.poll(async () => (await alexAgain.voice.boardItems()).filter((text) => text.includes(anonymousText)).length, { timeout: 15_000 }).toBe(1);
      const boardItem = async () => (await alexAgain.voice.boardItems()).find((text) => text.includes(anonymousText));
      await expect.poll(async () => (await boardItem()) ?? '').toContain(publicReply);
      const board = (await boardItem())!;
      expect(board).not.toMatch(/Alex|Kim|Dana|Moss/);
      expect(board).not.toContain(privateReply);
      await snapshot(alexAgain.page, 'board', alexAgain.page.getByRole('heading', { name: 'You said, we did' }));
      await expectAccessible(alexAgain.page, 'board');

      await expect
        .poll(() => alexAgain.voice.myFeedback(namedText))
        .toEqual({
          status: 'Answered',
          replies: [expect.stringMatching(new RegExp(`^Reply from Dana Moss · .* · only to the writer\\s+${privateReply}$`))],
        });
      await snapshot(alexAgain.page, 'my-feedback', alexAgain.page.getByRole('heading', { name: 'My feedback' }));
      await expectAccessible(alexAgain.page, 'my feedback');
    } finally {
      await alexAgain.close();
    }

    const hr = await signedIn('hr@demo.test');
    try {
      await hr.voice.open();
      const newQuestion = `e2e: how clear were this week's briefings? ${randomUUID().slice(0, 8)}`;
      expect(await hr.voice.createPulse(newQuestion)).toBe('Pulse created. It reaches phones at their next sync.');
      const { rows: created } = await sql.query('select scale, store_ids, closes_at > now() as open from public.pulses where question = $1', [newQuestion]);
      expect(created).toEqual([{ scale: 'nps_0_10', store_ids: [], open: true }]);
      // Archived again, so this pulse is not offered to anyone in later tests.
      await sql.query('update public.pulses set archived_at = now() where question = $1', [newQuestion]);
      await hr.voice.showPulseResults(closedQuestion);
      await expect.poll(() => hr.voice.reportAnswers()).toBe('7 answers');
      await expect.poll(() => hr.page.getByTestId('pulse-nps').innerText()).toBe('+14');
      await expect
        .poll(() => hr.page.getByTestId('pulse-group').allInnerTexts())
        .toEqual([expect.stringMatching(/^Other \(smaller groups together\)\s+7\s+\+14$/)]);
      await snapshot(hr.page, 'hr-results', hr.page.getByTestId('pulse-report'));
      await snapshot(hr.page, 'hr-results-groups', hr.page.getByRole('heading', { name: 'Answers by score' }));
      await snapshot(hr.page, 'hr-trend', hr.page.getByRole('heading', { name: 'Trend across pulses' }));
      await expectAccessible(hr.page, 'HR pulse results');
      await hr.voice.showPulseResults(SEED_QUESTION);
      await expect.poll(() => hr.page.getByTestId('pulse-reason').innerText()).toMatch(/^Results show once the pulse has closed/);
    } finally {
      await hr.close();
    }
  });

  it('speaks Spanish, and the form and pulse survive 40%-longer words at 390 px', async () => {
    await sql.query("update public.members set locale = 'es' where id = $1", [SEED.samMember]);
    const sam = await signedIn('sam@demo.test');
    try {
      await sam.page.getByRole('navigation', { name: 'Principal' }).getByRole('button', { name: 'Tu voz', exact: true }).click();
      await sam.page.getByRole('switch', { name: 'Enviar de forma anónima' }).check();
      await expect.poll(() => sam.voice.anonymousExplanation()).toMatch(/^Anónimo: no se guardan tu nombre, tu cuenta ni la hora;/);
      await expect
        .poll(() => sam.page.getByTestId('pulse').first().getByText('0 = nada probable, 10 = muy probable').innerText())
        .toBe('0 = nada probable, 10 = muy probable');
      await snapshot(sam.page, 'form-es', sam.page.getByRole('switch'));
      await pseudoLocalize(sam.page);
      await expect.poll(() => findOverflow(sam.page)).toEqual([]);
      await snapshot(sam.page, 'form-pseudo', sam.page.getByRole('heading', { level: 1 }));
    } finally {
      await sam.close();
      await sql.query("update public.members set locale = 'en' where id = $1", [SEED.samMember]);
    }
  });
});
