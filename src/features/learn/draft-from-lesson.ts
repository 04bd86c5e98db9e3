import type { AuthoredLesson, Lesson } from '../../data/supabase/types';
import { type LessonDraft, newQuestion } from '../../domain/lesson-draft';

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
  };
}

/** An existing lesson to edit; its audience from the server's copy (authored_lessons) when there is one: sync_pull does not carry audiences. */
export function draftFromLesson(lesson: Lesson, known: AuthoredLesson | null, newKey: () => string): LessonDraft {
  const source = known && known.version >= lesson.version ? known : null;
  return {
    title: lesson.title,
    summary: lesson.summary,
    minutes: lesson.minutes,
    pass_mark: lesson.pass_mark,
    cards: lesson.cards.map((card) => ({ key: newKey(), ...card })),
    quiz: lesson.quiz.map((q) => ({ ...q, options: q.options.map((o) => ({ ...o })), correct: [...q.correct] })),
    store_ids: source ? [...source.store_ids] : [],
    department_ids: source ? [...source.department_ids] : [],
    roles: source ? [...source.roles] : [],
  };
}
