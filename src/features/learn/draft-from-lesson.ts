import type { AuthoredLesson, Lesson } from '../../data/supabase/types';
import { type CardDraft, type LessonDraft, type LessonTranslationDraft, NO_LESSON_TRANSLATION, newQuestion } from '../../domain/lesson-draft';

/** A blank lesson: one empty card and one empty question, the pass mark save_lesson defaults to. */
export function blankDraft(newKey: () => string): LessonDraft {
  return {
    title: '',
    summary: '',
    minutes: 3,
    pass_mark: 80,
    cards: [{ key: newKey(), title: '', body: '' }],
    quiz: [newQuestion([])],
    store_ids: [],
    department_ids: [],
    roles: [],
    translation: NO_LESSON_TRANSLATION,
  };
}

/** An existing lesson to edit; its audience from the server's copy (authored_lessons) when there is one: sync_pull does not carry audiences. */
export function draftFromLesson(lesson: Lesson, known: AuthoredLesson | null, newKey: () => string): LessonDraft {
  const source = known && known.version >= lesson.version ? known : null;
  const cards: CardDraft[] = lesson.cards.map((card) => ({ key: newKey(), ...card }));
  return {
    title: lesson.title,
    summary: lesson.summary,
    minutes: lesson.minutes,
    pass_mark: lesson.pass_mark,
    cards,
    quiz: lesson.quiz.map((q) => ({ ...q, options: q.options.map((o) => ({ ...o })), correct: [...q.correct] })),
    store_ids: source ? [...source.store_ids] : [],
    department_ids: source ? [...source.department_ids] : [],
    roles: source ? [...source.roles] : [],
    translation: translationDraft(lesson.translation, cards),
  };
}

/** The saved translation keyed to the draft's cards (by position, as saved) and questions and options (by id). */
function translationDraft(translation: Lesson['translation'], cards: readonly CardDraft[]): LessonTranslationDraft {
  if (!translation) return NO_LESSON_TRANSLATION;
  return {
    title: translation.title,
    summary: translation.summary,
    cards: Object.fromEntries(cards.flatMap((card, i) => (translation.cards[i] ? [[card.key, { ...translation.cards[i] }]] : []))),
    quiz: Object.fromEntries(
      translation.quiz.map((q) => [q.id, { prompt: q.prompt, explanation: q.explanation, options: Object.fromEntries(q.options.map((o) => [o.id, o.text])) }]),
    ),
  };
}
