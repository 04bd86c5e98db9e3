import { describe, expect, it } from 'vitest';
import {
  checkLessonDraft,
  type LessonDraft,
  lessonContent,
  lessonTranslation,
  moveItem,
  NO_LESSON_TRANSLATION,
  newQuestion,
  nextOptionId,
  nextQuestionId,
} from './lesson-draft';

function draft(overrides: Partial<LessonDraft> = {}): LessonDraft {
  return {
    title: 'Safe lifting',
    summary: '',
    minutes: 3,
    pass_mark: 80,
    cards: [{ key: 'k1', title: 'Weight', body: 'Over 23 kg is two people.' }],
    quiz: [
      {
        id: 'q1',
        prompt: '25 kg?',
        kind: 'single',
        options: [
          { id: 'a', text: 'Alone' },
          { id: 'b', text: 'Two people' },
        ],
        correct: ['b'],
        explanation: 'Over 23 kg.',
      },
    ],
    store_ids: [],
    department_ids: [],
    roles: [],
    translation: NO_LESSON_TRANSLATION,
    ...overrides,
  };
}

const SPANISH = {
  title: 'Levantar con seguridad',
  summary: '',
  cards: { k1: { title: 'Peso', body: 'Más de 23 kg, entre dos.' } },
  quiz: { q1: { prompt: '¿25 kg?', explanation: 'Más de 23 kg.', options: { a: 'Solo', b: 'Entre dos' } } },
};

describe('checkLessonDraft', () => {
  it('accepts a complete lesson', () => {
    expect(checkLessonDraft(draft())).toEqual([]);
  });

  it('names each missing or oversized field', () => {
    const problems = checkLessonDraft(
      draft({
        title: '  ',
        minutes: 11,
        pass_mark: 101,
        cards: [{ key: 'k', title: 'x'.repeat(201), body: '' }],
      }),
    );
    expect(problems).toEqual([
      { field: 'title', code: 'required' },
      { field: 'minutes', code: 'out_of_range' },
      { field: 'pass_mark', code: 'out_of_range' },
      { field: 'cards.0.title', code: 'too_long', max: 200 },
      { field: 'cards.0.body', code: 'required' },
    ]);
  });

  it('needs at least one card and one question', () => {
    expect(checkLessonDraft(draft({ cards: [], quiz: [] }))).toEqual([
      { field: 'cards', code: 'no_cards' },
      { field: 'quiz', code: 'no_questions' },
    ]);
  });

  it('needs a correct answer, exactly one for single choice', () => {
    const base = draft().quiz[0]!;
    expect(checkLessonDraft(draft({ quiz: [{ ...base, correct: [] }] }))).toEqual([{ field: 'quiz.0.correct', code: 'pick_correct' }]);
    expect(checkLessonDraft(draft({ quiz: [{ ...base, correct: ['a', 'b'] }] }))).toEqual([{ field: 'quiz.0.correct', code: 'one_correct' }]);
    expect(checkLessonDraft(draft({ quiz: [{ ...base, kind: 'multiple', correct: ['a', 'b'] }] }))).toEqual([]);
    expect(checkLessonDraft(draft({ quiz: [{ ...base, correct: ['gone'] }] }))).toEqual([{ field: 'quiz.0.correct', code: 'pick_correct' }]);
  });

  it('needs text in every option, the prompt and the explanation', () => {
    const base = draft().quiz[0]!;
    expect(
      checkLessonDraft(
        draft({
          quiz: [
            {
              ...base,
              prompt: '',
              explanation: '',
              options: [
                { id: 'a', text: '' },
                { id: 'b', text: 'B' },
              ],
            },
          ],
        }),
      ),
    ).toEqual([
      { field: 'quiz.0.prompt', code: 'required' },
      { field: 'quiz.0.options.0', code: 'required' },
      { field: 'quiz.0.explanation', code: 'required' },
    ]);
  });
});

describe('lessonContent', () => {
  it('trims, drops card keys and keeps only correct answers that are options, in option order', () => {
    const base = draft().quiz[0]!;
    const content = lessonContent(
      draft({
        title: ' Lift ',
        cards: [{ key: 'k', title: ' A ', body: ' b ' }],
        quiz: [{ ...base, kind: 'multiple', correct: ['b', 'gone', 'a'] }],
      }),
    );
    expect(content.title).toBe('Lift');
    expect(content.cards).toEqual([{ title: 'A', body: 'b' }]);
    expect(content.quiz[0]!.correct).toEqual(['a', 'b']);
  });
});

describe('list helpers', () => {
  it('moves an item up or down and keeps it inside the list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 1, 5)).toEqual(['a', 'b']);
  });

  it('gives new questions and options ids nobody uses yet', () => {
    expect(nextQuestionId([{ id: 'q1' }, { id: 'q3' }])).toBe('q4');
    expect(nextQuestionId([{ id: 'q2' }])).toBe('q3');
    expect(nextOptionId([{ id: 'a' }, { id: 'c' }])).toBe('b');
    expect(newQuestion([{ id: 'q1' }])).toMatchObject({ id: 'q2', kind: 'single', correct: [] });
  });

  describe('translation', () => {
    it('left blank, it is no translation and asks for nothing', () => {
      expect(checkLessonDraft(draft())).toEqual([]);
      expect(lessonTranslation(draft(), 'es')).toBeNull();
    });

    it('once started, every text the original has is needed, each beside its own field', () => {
      const started = draft({ translation: { ...NO_LESSON_TRANSLATION, title: 'Levantar' } });
      expect(checkLessonDraft(started).map((p) => p.field)).toEqual([
        'translation.cards.0.title',
        'translation.cards.0.body',
        'translation.quiz.0.prompt',
        'translation.quiz.0.options.0',
        'translation.quiz.0.options.1',
        'translation.quiz.0.explanation',
      ]);
      // A summary is needed only when the original has one.
      expect(checkLessonDraft(draft({ summary: 'Two minutes.', translation: SPANISH })).map((p) => p.field)).toEqual(['translation.summary']);
      expect(checkLessonDraft(draft({ translation: { ...SPANISH, title: 't'.repeat(201) } }))).toEqual([
        { field: 'translation.title', code: 'too_long', max: 200 },
      ]);
    });

    it("follows the original's order when cards and questions move, and carries no answers", () => {
      const two = draft({
        cards: [
          { key: 'k2', title: 'Help', body: 'Ask.' },
          { key: 'k1', title: 'Weight', body: 'Over 23 kg is two people.' },
        ],
        translation: { ...SPANISH, cards: { ...SPANISH.cards, k2: { title: ' Ayuda ', body: 'Pide.' } } },
      });
      expect(checkLessonDraft(two)).toEqual([]);
      expect(lessonTranslation(two, 'es')).toEqual({
        language: 'es',
        title: 'Levantar con seguridad',
        summary: '',
        cards: [
          { title: 'Ayuda', body: 'Pide.' },
          { title: 'Peso', body: 'Más de 23 kg, entre dos.' },
        ],
        quiz: [
          {
            id: 'q1',
            prompt: '¿25 kg?',
            options: [
              { id: 'a', text: 'Solo' },
              { id: 'b', text: 'Entre dos' },
            ],
            explanation: 'Más de 23 kg.',
          },
        ],
      });
    });

    it('a removed card leaves its words behind: they are neither checked nor sent', () => {
      const orphan = draft({ translation: { ...SPANISH, cards: { ...SPANISH.cards, gone: { title: 'Viejo', body: '' } } } });
      expect(checkLessonDraft(orphan)).toEqual([]);
      expect(lessonTranslation(orphan, 'es')?.cards).toHaveLength(1);
    });
  });
});
