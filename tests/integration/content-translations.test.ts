/**
 * Values cards and lessons in the reader's language (issue 13, point 7), tried
 * as the attacker: only HR writes a translation, and only through the save
 * functions; a translation must be in the other language; a lesson's must be
 * the same cards, questions and options (it may not smuggle in answers, and an
 * edit that changes the quiz cannot keep a translation of the old one); a
 * translation alone makes no new lesson version but still reaches phones.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LessonTranslation, QuizQuestion, RpcArgs, ValueCardTranslation } from '../../src/data/supabase/types';
import { expectRefused, rpc } from './support/culture';
import { createMember, createOrg, pullAll, sql, type TestMember } from './support/fixtures';

const CARD_ES: ValueCardTranslation = {
  language: 'es',
  title: 'Los clientes primero',
  statement: 'Saluda a cada cliente.',
  on_the_floor: 'Mira a los ojos.',
  examples: ['Ana ayudó a una clienta con la talla.'],
};

const cards = [
  { title: 'Lift with your legs', body: 'Bend the knees.' },
  { title: 'Ask for help', body: 'Over 20 kg, lift in pairs.' },
];
const quiz: QuizQuestion[] = [
  {
    id: 'q1',
    prompt: 'A box weighs 25 kg. What do you do?',
    kind: 'single',
    options: [
      { id: 'a', text: 'Lift it alone' },
      { id: 'b', text: 'Ask a colleague' },
    ],
    correct: ['b'],
    explanation: 'Over 20 kg, lift in pairs.',
  },
];
const LESSON_ES: LessonTranslation = {
  language: 'es',
  title: 'Levantar con seguridad',
  summary: 'Dos minutos.',
  cards: [
    { title: 'Levanta con las piernas', body: 'Dobla las rodillas.' },
    { title: 'Pide ayuda', body: 'Más de 20 kg, entre dos.' },
  ],
  quiz: [
    {
      id: 'q1',
      prompt: 'Una caja pesa 25 kg. ¿Qué haces?',
      options: [
        { id: 'a', text: 'La levanto solo' },
        { id: 'b', text: 'Pido ayuda a un compañero' },
      ],
      explanation: 'Más de 20 kg, entre dos.',
    },
  ],
};

describe('values card and lesson translations', () => {
  let org: Awaited<ReturnType<typeof createOrg>>;
  let hr: TestMember;
  let manager: TestMember;
  let staff: TestMember;
  let otherHr: TestMember;

  beforeAll(async () => {
    org = await createOrg();
    const other = await createOrg();
    [hr, manager, staff, otherHr] = await Promise.all([
      createMember({ orgId: org.orgId, storeId: null, departmentId: null, role: 'hr' }),
      createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: null, role: 'manager', manages: [org.storeId] }),
      createMember({ orgId: org.orgId, storeId: org.storeId, departmentId: org.departmentId }),
      createMember({ orgId: other.orgId, storeId: null, departmentId: null, role: 'hr' }),
    ]);
  });

  async function pulled(client: TestMember['client']) {
    const { pages } = await pullAll(client);
    return { cards: pages.flatMap((p) => p.value_cards), lessons: pages.flatMap((p) => p.lessons) };
  }

  function cardArgs(over: Partial<RpcArgs['save_value_card']> = {}): RpcArgs['save_value_card'] {
    return {
      p_id: null,
      p_title: 'Guests first',
      p_statement: 'Greet every guest.',
      p_on_the_floor: 'Eye contact.',
      p_examples: ['Ana found a size.'],
      ...over,
    };
  }

  function lessonArgs(over: Partial<RpcArgs['save_lesson']> = {}): RpcArgs['save_lesson'] {
    return { p_id: null, p_title: 'Safe lifting', p_summary: 'Two minutes.', p_minutes: 2, p_cards: cards, p_quiz: quiz, ...over };
  }

  it("HR's Spanish version of a values card reaches staff phones with the original's language", async () => {
    const saved = await rpc(hr.client, 'save_value_card', cardArgs({ p_translation: { ...CARD_ES, title: '  Los clientes primero  ' } }));
    // Stored trimmed, as the original's texts are.
    expect(saved).toMatchObject({ language: 'en', translation: CARD_ES });
    const card = (await pulled(staff.client)).cards.find((c) => c.id === saved.id);
    expect(card).toMatchObject({ title: 'Guests first', language: 'en', translation: CARD_ES });

    // The editor sends the translation on every save: without it, the card has none.
    const bare = await rpc(hr.client, 'save_value_card', cardArgs({ p_id: saved.id, p_translation: null }));
    expect(bare.translation).toBeNull();
    expect((await pulled(staff.client)).cards.find((c) => c.id === saved.id)?.translation).toBeNull();
  });

  it("a new card or lesson is in its author's language unless they name one, and keeps it", async () => {
    await sql(`update public.members set locale = 'es' where id = $1`, [hr.memberId]);
    try {
      const card = await rpc(hr.client, 'save_value_card', cardArgs({ p_title: 'Equipo', p_statement: 'Ganamos juntos.' }));
      expect(card.language).toBe('es');
      // An English translation of a Spanish original is the other way round, and allowed.
      const english = { ...CARD_ES, language: 'en' as const, title: 'Team' };
      const edited = await rpc(
        hr.client,
        'save_value_card',
        cardArgs({ p_id: card.id, p_title: 'Equipo', p_statement: 'Ganamos juntos.', p_language: 'en', p_translation: english }),
      );
      expect(edited).toMatchObject({ language: 'es', translation: english });
      const lesson = await rpc(hr.client, 'save_lesson', lessonArgs({ p_language: 'en' }));
      expect(lesson.language).toBe('en');
    } finally {
      await sql(`update public.members set locale = 'en' where id = $1`, [hr.memberId]);
    }
  });

  it('only HR of the organisation writes a translation; staff and managers are refused and nothing changes', async () => {
    const card = await rpc(hr.client, 'save_value_card', cardArgs());
    const lesson = await rpc(hr.client, 'save_lesson', lessonArgs());
    for (const who of [staff, manager]) {
      await expectRefused(who.client, 'save_value_card', cardArgs({ p_id: card.id, p_translation: CARD_ES }), 403, 'forbidden');
      await expectRefused(who.client, 'save_lesson', lessonArgs({ p_id: lesson.id, p_translation: LESSON_ES }), 403, 'forbidden');
      await who.client.from('value_cards').update({ translation: CARD_ES }).eq('id', card.id);
      await who.client.from('lessons').update({ translation: LESSON_ES }).eq('id', lesson.id);
    }
    await expectRefused(otherHr.client, 'save_value_card', cardArgs({ p_id: card.id, p_translation: CARD_ES }), 400, 'unknown_value_card');
    await expectRefused(otherHr.client, 'save_lesson', lessonArgs({ p_id: lesson.id, p_translation: LESSON_ES }), 400, 'unknown_lesson');
    expect(await sql('select translation from public.value_cards where id = $1', [card.id])).toEqual([{ translation: null }]);
    expect(await sql('select translation from public.lessons where id = $1', [lesson.id])).toEqual([{ translation: null }]);
    expect(
      await sql(`select has_table_privilege('authenticated', 'public.value_cards', 'UPDATE') as cards,
                             has_table_privilege('authenticated', 'public.lessons', 'UPDATE') as lessons`),
    ).toEqual([{ cards: false, lessons: false }]);
  });

  it('refuses a values card translation in the wrong language or the wrong shape', async () => {
    const cases: [unknown, string][] = [
      [{ ...CARD_ES, language: 'en' }, 'invalid_language'],
      [{ ...CARD_ES, language: 'fr' }, 'invalid_language'],
      [{ ...CARD_ES, title: '   ' }, 'too_short'],
      [{ ...CARD_ES, statement: undefined }, 'invalid_translation'],
      [{ ...CARD_ES, statement: 'x'.repeat(1001) }, 'too_long'],
      [{ ...CARD_ES, examples: Array.from({ length: 11 }, (_, i) => `Ejemplo ${i}`) }, 'too_many_examples'],
      [{ ...CARD_ES, examples: [42] }, 'invalid_translation'],
      [{ ...CARD_ES, author: 'someone else' }, 'invalid_translation'],
      ['es', 'invalid_translation'],
    ];
    const id = randomUUID();
    for (const [translation, code] of cases) {
      await expectRefused(hr.client, 'save_value_card', cardArgs({ p_id: id, p_translation: translation as ValueCardTranslation }), 400, code);
    }
    expect(await sql('select 1 from public.value_cards where id = $1', [id])).toEqual([]);
  });

  it("a lesson's translation is its texts only: no new version, the same questions and options, no answers", async () => {
    const lesson = await rpc(hr.client, 'save_lesson', lessonArgs());
    const translated = await rpc(hr.client, 'save_lesson', lessonArgs({ p_id: lesson.id, p_base_version: lesson.version, p_translation: LESSON_ES }));
    // Only the words: attempts taken on this version still score against it.
    expect(translated).toMatchObject({ version: lesson.version, language: 'en', translation: LESSON_ES });
    expect(translated.sync_seq).toBeGreaterThan(lesson.sync_seq);
    expect((await pulled(staff.client)).lessons.find((l) => l.id === lesson.id)).toMatchObject({ version: lesson.version, translation: LESSON_ES });

    const [question] = LESSON_ES.quiz;
    const wrong: [unknown, string][] = [
      [{ ...LESSON_ES, cards: LESSON_ES.cards.slice(1) }, 'invalid_translation'],
      [{ ...LESSON_ES, quiz: [] }, 'invalid_translation'],
      [{ ...LESSON_ES, quiz: [{ ...question, id: 'q9' }] }, 'invalid_translation'],
      [{ ...LESSON_ES, quiz: [{ ...question, options: [...question!.options].reverse() }] }, 'invalid_translation'],
      [{ ...LESSON_ES, quiz: [{ ...question, options: question!.options.slice(1) }] }, 'invalid_translation'],
      [{ ...LESSON_ES, quiz: [{ ...question, correct: ['a'] }] }, 'invalid_translation'],
      [{ ...LESSON_ES, quiz: [{ ...question, prompt: '' }] }, 'too_short'],
      [{ ...LESSON_ES, language: 'en' }, 'invalid_language'],
    ];
    for (const [translation, code] of wrong) {
      await expectRefused(hr.client, 'save_lesson', lessonArgs({ p_id: lesson.id, p_translation: translation as LessonTranslation }), 400, code);
    }
    expect(await sql('select translation, version from public.lessons where id = $1', [lesson.id])).toEqual([
      { translation: LESSON_ES, version: lesson.version },
    ]);

    // A new question makes a new version; the translation of the old quiz cannot ride along.
    const longer: QuizQuestion[] = [...quiz, { ...quiz[0]!, id: 'q2', prompt: 'Who helps?' }];
    await expectRefused(hr.client, 'save_lesson', lessonArgs({ p_id: lesson.id, p_quiz: longer, p_translation: LESSON_ES }), 400, 'invalid_translation');
    const next = await rpc(hr.client, 'save_lesson', lessonArgs({ p_id: lesson.id, p_quiz: longer, p_translation: null }));
    expect(next).toMatchObject({ version: lesson.version + 1, translation: null });
  });
});
