import { describe, expect, it } from 'vitest';
import { lessonInLanguage } from './lesson-language';
import { isAnswerCorrect } from './quiz';

const lesson = {
  title: 'Safe lifting',
  summary: 'Two minutes.',
  cards: [
    { title: 'Legs', body: 'Bend the knees.' },
    { title: 'Help', body: 'Lift in pairs.' },
  ],
  quiz: [
    {
      id: 'q1',
      kind: 'single' as const,
      prompt: 'A box weighs 25 kg?',
      options: [
        { id: 'a', text: 'Alone' },
        { id: 'b', text: 'Ask' },
      ],
      correct: ['b'],
      explanation: 'In pairs.',
    },
  ],
  language: 'en' as const,
  translation: {
    language: 'es' as const,
    title: 'Levantar con seguridad',
    summary: 'Dos minutos.',
    cards: [
      { title: 'Piernas', body: 'Dobla las rodillas.' },
      { title: 'Ayuda', body: 'Entre dos.' },
    ],
    quiz: [
      {
        id: 'q1',
        prompt: '¿Una caja de 25 kg?',
        options: [
          { id: 'a', text: 'Solo' },
          { id: 'b', text: 'Pido ayuda' },
        ],
        explanation: 'Entre dos.',
      },
    ],
  },
};

describe('lessonInLanguage', () => {
  it("shows a Spanish reader the translation's words over the original's answers", () => {
    const shown = lessonInLanguage(lesson, 'es');
    expect(shown).toMatchObject({ language: 'es', original: 'en', other: 'en' });
    expect(shown.text.title).toBe('Levantar con seguridad');
    expect(shown.text.cards.map((c) => c.title)).toEqual(['Piernas', 'Ayuda']);
    const [question] = shown.text.quiz;
    expect(question).toEqual({
      ...lesson.quiz[0],
      prompt: '¿Una caja de 25 kg?',
      explanation: 'Entre dos.',
      options: [
        { id: 'a', text: 'Solo' },
        { id: 'b', text: 'Pido ayuda' },
      ],
    });
    // The same choice is right in either language.
    expect(isAnswerCorrect(question!, ['b'])).toBe(true);
  });

  it('keeps the original for its own readers, and for anyone who switched back to it', () => {
    expect(lessonInLanguage(lesson, 'en')).toEqual({ text: lesson, language: 'en', original: 'en', other: 'es' });
    expect(lessonInLanguage(lesson, 'es', 'en').text).toBe(lesson);
    expect(lessonInLanguage(lesson, 'en', 'es').text.title).toBe('Levantar con seguridad');
  });

  it('falls back to the original, question by question, where a translation is missing or out of step', () => {
    const partial = { ...lesson, translation: { ...lesson.translation, cards: lesson.translation.cards.slice(0, 1), quiz: [] } };
    const shown = lessonInLanguage(partial, 'es').text;
    expect(shown.cards.map((c) => c.title)).toEqual(['Piernas', 'Help']);
    expect(shown.quiz[0]!.prompt).toBe('A box weighs 25 kg?');
    const none = { ...lesson, translation: null };
    expect(lessonInLanguage(none, 'es')).toEqual({ text: none, language: 'en', original: 'en', other: null });
  });
});
