/**
 * Issue 5's loop through the UI only, on 390x844 phones: alex, with no
 * signal, thanks sam for living a value, completes a lesson, sends anonymous
 * feedback and answers a pulse; back online each is in Postgres exactly once;
 * sam sees the kudos; Downtown's manager sees the feedback with no author and
 * replies on the store's board; alex sees that reply on the board.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LearnPage } from './pages/learn-page';
import { ValuesPage } from './pages/values-page';
import { VoicePage } from './pages/voice-page';
import { DEMO, SEED, uniqueTitle } from './support/demo-db';
import { signedInPhones } from './support/signed-in-phones';

const { appUrl, databaseUrl } = inject('e2e');
const sql = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const phones = signedInPhones(appUrl);
const LESSON = { id: randomUUID(), title: uniqueTitle('Loop lesson: greeting guests') };
const PULSE = { id: randomUUID(), question: `How supported do you feel this week? ${randomUUID().slice(0, 8)}` };

async function count(query: string, params: unknown[]): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(query, params);
  return rows[0]!.n;
}

describe('the culture loop', () => {
  beforeAll(async () => {
    const quiz = [
      {
        id: 'q1',
        prompt: 'A guest looks lost. What first?',
        kind: 'single',
        options: [
          { id: 'a', text: 'Walk over and ask' },
          { id: 'b', text: 'Point to the aisle' },
        ],
        correct: ['a'],
        explanation: 'Walking with them is the welcome.',
      },
      {
        id: 'q2',
        prompt: 'Which make a good greeting?',
        kind: 'multiple',
        options: [
          { id: 'a', text: 'Eye contact' },
          { id: 'b', text: 'A smile' },
          { id: 'c', text: 'Finishing your task first' },
        ],
        correct: ['a', 'b'],
        explanation: 'Look up from the task.',
      },
    ];
    await sql.query(
      `insert into public.lessons (id, org_id, title, summary, minutes, cards, quiz, pass_mark, store_ids)
       values ($1, $2, $3, 'Say hello like you mean it.', 2, $4, $5, 50, array[$6::uuid])`,
      [
        LESSON.id,
        SEED.org,
        LESSON.title,
        JSON.stringify([{ title: 'Look up', body: 'Look up from the task when a guest comes near.' }]),
        JSON.stringify(quiz),
        SEED.downtown,
      ],
    );
    await sql.query(
      `insert into public.pulses (id, org_id, question, scale, allow_comment, store_ids, opens_at, closes_at)
       values ($1, $2, $3, 'scale_1_5', false, array[$4::uuid], now() - interval '1 hour', now() + interval '2 days')`,
      [PULSE.id, SEED.org, PULSE.question, SEED.downtown],
    );
  });
  afterAll(async () => {
    await phones.closeAll();
    await sql.query('update public.lessons set archived_at = now() where id = $1', [LESSON.id]);
    await sql.query('update public.pulses set archived_at = now() where id = $1', [PULSE.id]);
    await sql.end();
  });

  it('kudos, a lesson, anonymous feedback and a pulse answer made offline land once; sam, the manager and the board follow', async () => {
    const thanks = `Thanks for covering my till, Sam ${randomUUID().slice(0, 8)}`;
    const concern = `The stockroom light keeps flickering ${randomUUID().slice(0, 8)}`;
    const boardReply = `An electrician comes on Tuesday ${randomUUID().slice(0, 8)}`;

    const alex = await phones.open(DEMO.alex);
    const values = new ValuesPage(alex.page);
    const learn = new LearnPage(alex.page);
    const voice = new VoicePage(alex.page);
    await voice.status.waitForPhase('idle', 20_000);
    await learn.open();
    await learn.waitForLesson(LESSON.title);
    // Online once: the store roster for the colleague picker is now on the phone.
    await values.open();
    await values.show('give');
    await values.waitForColleague('Sam Patel');
    await voice.open();
    await expect.poll(() => voice.openPulses()).toContain(PULSE.question);

    await alex.context.setOffline(true);
    await voice.status.waitForPhase('offline');
    await values.open();
    await values.giveKudos({ to: 'Sam Patel', value: 'Guests first', message: thanks });
    await learn.open();
    expect(await learn.completeLesson(LESSON.title, [['Walk over and ask'], ['Eye contact']])).toEqual(expect.objectContaining({ percent: 50, passed: true }));
    await voice.open();
    await voice.sendFeedback({ text: concern, anonymous: true, kind: 'concern' });
    expect(await voice.answerPulseTo(PULSE.question, 4)).toMatch(/anonymous/i);
    await voice.status.waitForWaiting(4);
    expect(await count('select count(*)::int as n from public.kudos where message = $1', [thanks])).toBe(0);

    await alex.context.setOffline(false);
    await voice.status.waitForWaiting(0, 20_000);
    expect(
      await count(
        `select count(*)::int as n from public.kudos k join public.value_cards v on v.id = k.value_card_id
       where k.message = $1 and k.from_member_id = $2 and k.to_member_id = $3 and v.title = 'Guests first'`,
        [thanks, SEED.alexMember, SEED.samMember],
      ),
    ).toBe(1);
    expect(
      await count('select count(*)::int as n from public.lesson_attempts where lesson_id = $1 and member_id = $2 and score = 50', [LESSON.id, SEED.alexMember]),
    ).toBe(1);
    expect(await count('select count(*)::int as n from public.feedback where body = $1 and author_id is null and is_anonymous', [concern])).toBe(1);
    expect(await count('select count(*)::int as n from public.feedback where body = $1', [concern])).toBe(1);
    expect(await count('select count(*)::int as n from public.pulse_participation where pulse_id = $1 and member_id = $2', [PULSE.id, SEED.alexMember])).toBe(
      1,
    );

    // Sam sees the kudos he received.
    const sam = await phones.open(DEMO.sam);
    const samValues = new ValuesPage(sam.page);
    await samValues.open();
    await expect.poll(async () => (await samValues.receivedKudos()).map((k) => k.message), { timeout: 20_000 }).toContain(thanks);

    // The manager sees it with no author, and answers on the store's board.
    const manager = await phones.open('manager.downtown@demo.test');
    const inbox = new VoicePage(manager.page);
    await inbox.status.waitForPhase('idle', 20_000);
    await inbox.open();
    await inbox.showInbox('open');
    const item = async () => (await inbox.inboxItems()).find((entry) => entry.text.includes(concern));
    await expect.poll(async () => (await item())?.who ?? '').toMatch(/^Anonymous/);
    expect((await item())?.text).not.toContain('Alex');
    await inbox.reply(concern, boardReply, { public: true, markAnswered: true });

    // Alex's board, after a sync, shows the reply.
    await alex.page.reload();
    await voice.status.waitForPhase('idle', 20_000);
    await voice.open();
    await expect.poll(async () => (await voice.boardItems()).find((text) => text.includes(concern)) ?? '', { timeout: 20_000 }).toContain(boardReply);
  });
});
