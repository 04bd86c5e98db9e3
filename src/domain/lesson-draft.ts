/**
 * A lesson as HR edits it, and the checks the server's save_lesson makes,
 * run first on the phone so every problem shows beside its field before
 * anything is sent. The limits are save_lesson's; the server stays the judge.
 */
export const LESSON_LIMITS = {
  title: 200,
  summary: 1000,
  cardTitle: 200,
  cardBody: 4000,
  prompt: 500,
  option: 300,
  explanation: 1000,
  minMinutes: 1,
  maxMinutes: 10,
  maxCards: 20,
  maxQuestions: 20,
  minOptions: 2,
  maxOptions: 10,
} as const;

export interface CardDraft {
  key: string;
  title: string;
  body: string;
}
export interface OptionDraft {
  id: string;
  text: string;
}
export interface QuestionDraft {
  id: string;
  prompt: string;
  kind: 'single' | 'multiple';
  options: OptionDraft[];
  correct: string[];
  explanation: string;
}
/**
 * The lesson's words in the other language, keyed to what they translate (a card's
 * key, a question's and an option's id) so moving or removing a card or question
 * keeps each translation with its original. All blank: no translation.
 */
export interface LessonTranslationDraft {
  title: string;
  summary: string;
  cards: Record<string, { title: string; body: string }>;
  quiz: Record<string, { prompt: string; explanation: string; options: Record<string, string> }>;
}

export interface LessonDraft {
  title: string;
  summary: string;
  minutes: number;
  pass_mark: number;
  cards: CardDraft[];
  quiz: QuestionDraft[];
  store_ids: string[];
  department_ids: string[];
  roles: string[];
  translation: LessonTranslationDraft;
}

export const NO_LESSON_TRANSLATION: LessonTranslationDraft = { title: '', summary: '', cards: {}, quiz: {} };

export type DraftProblemCode = 'required' | 'too_long' | 'out_of_range' | 'no_cards' | 'no_questions' | 'pick_correct' | 'one_correct';
/** `field` names the input: 'title', 'cards.0.body', 'quiz.1.options.2', 'quiz.1.correct'… */
export interface DraftProblem {
  field: string;
  code: DraftProblemCode;
  max?: number;
}

function text(problems: DraftProblem[], field: string, value: string, max: number, required = true): void {
  const trimmed = value.trim();
  if (required && trimmed === '') problems.push({ field, code: 'required' });
  else if (trimmed.length > max) problems.push({ field, code: 'too_long', max });
}

function whole(problems: DraftProblem[], field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) problems.push({ field, code: 'out_of_range' });
}

export function checkLessonDraft(draft: LessonDraft): DraftProblem[] {
  const L = LESSON_LIMITS;
  const problems: DraftProblem[] = [];
  text(problems, 'title', draft.title, L.title);
  text(problems, 'summary', draft.summary, L.summary, false);
  whole(problems, 'minutes', draft.minutes, L.minMinutes, L.maxMinutes);
  whole(problems, 'pass_mark', draft.pass_mark, 0, 100);
  if (draft.cards.length === 0) problems.push({ field: 'cards', code: 'no_cards' });
  draft.cards.forEach((card, i) => {
    text(problems, `cards.${i}.title`, card.title, L.cardTitle);
    text(problems, `cards.${i}.body`, card.body, L.cardBody);
  });
  if (draft.quiz.length === 0) problems.push({ field: 'quiz', code: 'no_questions' });
  draft.quiz.forEach((question, i) => {
    text(problems, `quiz.${i}.prompt`, question.prompt, L.prompt);
    question.options.forEach((option, j) => {
      text(problems, `quiz.${i}.options.${j}`, option.text, L.option);
    });
    const correct = question.correct.filter((id) => question.options.some((o) => o.id === id));
    if (correct.length === 0) problems.push({ field: `quiz.${i}.correct`, code: 'pick_correct' });
    else if (question.kind === 'single' && correct.length > 1) problems.push({ field: `quiz.${i}.correct`, code: 'one_correct' });
    text(problems, `quiz.${i}.explanation`, question.explanation, L.explanation);
  });
  if (translationStarted(draft)) checkTranslation(problems, draft);
  return problems;
}

/** Whether any of the translation is typed (for the cards and questions the lesson still has): then it must be whole. */
export function translationStarted(draft: LessonDraft): boolean {
  const tr = draft.translation;
  const texts = [
    tr.title,
    tr.summary,
    ...draft.cards.flatMap((card) => [tr.cards[card.key]?.title, tr.cards[card.key]?.body]),
    ...draft.quiz.flatMap((q) => {
      const words = tr.quiz[q.id];
      return [words?.prompt, words?.explanation, ...q.options.map((o) => words?.options[o.id])];
    }),
  ];
  return texts.some((text) => (text ?? '').trim() !== '');
}

/** Every text the original has, in the other language too, within the same limits (the summary only when the original has one). */
function checkTranslation(problems: DraftProblem[], draft: LessonDraft): void {
  const L = LESSON_LIMITS;
  const tr = draft.translation;
  text(problems, 'translation.title', tr.title, L.title);
  text(problems, 'translation.summary', tr.summary, L.summary, draft.summary.trim() !== '');
  draft.cards.forEach((card, i) => {
    text(problems, `translation.cards.${i}.title`, tr.cards[card.key]?.title ?? '', L.cardTitle);
    text(problems, `translation.cards.${i}.body`, tr.cards[card.key]?.body ?? '', L.cardBody);
  });
  draft.quiz.forEach((question, i) => {
    const words = tr.quiz[question.id];
    text(problems, `translation.quiz.${i}.prompt`, words?.prompt ?? '', L.prompt);
    question.options.forEach((option, j) => {
      text(problems, `translation.quiz.${i}.options.${j}`, words?.options[option.id] ?? '', L.option);
    });
    text(problems, `translation.quiz.${i}.explanation`, words?.explanation ?? '', L.explanation);
  });
}

/** The translation as save_lesson takes it: in the original's order, trimmed; null when it is left blank. */
export function lessonTranslation<L extends string>(draft: LessonDraft, language: L) {
  if (!translationStarted(draft)) return null;
  const tr = draft.translation;
  return {
    language,
    title: tr.title.trim(),
    summary: tr.summary.trim(),
    cards: draft.cards.map((card) => ({ title: (tr.cards[card.key]?.title ?? '').trim(), body: (tr.cards[card.key]?.body ?? '').trim() })),
    quiz: draft.quiz.map((q) => {
      const words = tr.quiz[q.id];
      return {
        id: q.id,
        prompt: (words?.prompt ?? '').trim(),
        options: q.options.map((o) => ({ id: o.id, text: (words?.options[o.id] ?? '').trim() })),
        explanation: (words?.explanation ?? '').trim(),
      };
    }),
  };
}

/** The lesson as save_lesson takes it: trimmed, card keys dropped, correct answers limited to real options. */
export function lessonContent(draft: LessonDraft) {
  return {
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    minutes: draft.minutes,
    pass_mark: draft.pass_mark,
    cards: draft.cards.map((card) => ({ title: card.title.trim(), body: card.body.trim() })),
    quiz: draft.quiz.map((q) => ({
      id: q.id,
      prompt: q.prompt.trim(),
      kind: q.kind,
      options: q.options.map((o) => ({ id: o.id, text: o.text.trim() })),
      correct: q.options.filter((o) => q.correct.includes(o.id)).map((o) => o.id),
      explanation: q.explanation.trim(),
    })),
  };
}

/** The item at `from` moved to `to` (both kept inside the list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= next.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(Math.min(Math.max(0, to), next.length), 0, item!);
  return next;
}

/** A question id not used yet in this lesson: q1, q2… (ids stay put when questions move, so review keeps its history). */
export function nextQuestionId(quiz: readonly { id: string }[]): string {
  const used = new Set(quiz.map((q) => q.id));
  let n = quiz.length + 1;
  while (used.has(`q${n}`)) n += 1;
  return `q${n}`;
}

/** An option id not used yet in this question: a, b, c… */
export function nextOptionId(options: readonly { id: string }[]): string {
  const used = new Set(options.map((o) => o.id));
  for (let code = 97; code < 123; code += 1) if (!used.has(String.fromCharCode(code))) return String.fromCharCode(code);
  return `o${options.length + 1}`;
}

export function newQuestion(quiz: readonly { id: string }[]): QuestionDraft {
  return {
    id: nextQuestionId(quiz),
    prompt: '',
    kind: 'single',
    options: [
      { id: 'a', text: '' },
      { id: 'b', text: '' },
    ],
    correct: [],
    explanation: '',
  };
}
