/**
 * A lesson in the reader's language: the translation's words laid over the
 * original's structure. The answers (kind, correct) and every id stay the
 * original's, so the quiz is scored the same whichever language was on screen,
 * and progress saved in one language resumes in the other.
 */
import { type ContentLanguage, pickText, type Shown } from './content-language';

interface Option {
  id: string;
  text: string;
}

export interface TranslatableLesson {
  title: string;
  summary: string;
  cards: readonly { title: string; body: string }[];
  quiz: readonly { id: string; prompt: string; options: readonly Option[]; explanation: string }[];
  language?: ContentLanguage;
  translation?: {
    language: ContentLanguage;
    title: string;
    summary: string;
    cards: readonly { title: string; body: string }[];
    quiz: readonly { id: string; prompt: string; options: readonly Option[]; explanation: string }[];
  } | null;
}

/** The lesson with the texts of the language to show, and which languages it has. */
export function lessonInLanguage<L extends TranslatableLesson>(lesson: L, readerLanguage: string, choice: ContentLanguage | null = null): Shown<L> {
  const { text: _, ...shown } = pickText(lesson, lesson, readerLanguage, choice);
  const words = lesson.translation;
  if (!words || shown.language !== words.language) return { ...shown, text: lesson };
  // The server keeps a translation's cards and questions in step with the original's; by id, a stray one shows the original's words.
  const questions = new Map(words.quiz.map((q) => [q.id, q]));
  return {
    ...shown,
    text: {
      ...lesson,
      title: words.title,
      summary: words.summary,
      cards: lesson.cards.map((card, i) => words.cards[i] ?? card),
      quiz: lesson.quiz.map((question) => {
        const translated = questions.get(question.id);
        if (!translated) return question;
        const options = new Map(translated.options.map((o) => [o.id, o.text]));
        return {
          ...question,
          prompt: translated.prompt,
          explanation: translated.explanation,
          options: question.options.map((o) => ({ ...o, text: options.get(o.id) ?? o.text })),
        };
      }),
    },
  };
}
