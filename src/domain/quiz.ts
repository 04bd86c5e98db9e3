/**
 * Quiz scoring on the phone, the same rule as the server's private.score_quiz:
 * a question is right when the chosen options are exactly its correct ones
 * (order and repeats do not matter); the score is the rounded percentage of
 * questions right, 100 for a lesson without questions. The phone scores at
 * once, offline; the server scores the synced attempt again and its number is
 * the one reports use.
 */
export interface QuizQuestionLike {
  id: string;
  kind: 'single' | 'multiple';
  options: readonly { id: string }[];
  correct: readonly string[];
}

export type QuizAnswers = Readonly<Record<string, readonly string[]>>;

export function isAnswerCorrect(question: QuizQuestionLike, chosen: readonly string[]): boolean {
  const picked = new Set(chosen);
  const right = new Set(question.correct);
  return picked.size === right.size && [...picked].every((id) => right.has(id));
}

/** Whether an answer can be submitted: at least one known option, exactly one for single choice. */
export function isAnswerComplete(question: QuizQuestionLike, chosen: readonly string[]): boolean {
  const picked = new Set(chosen);
  if (picked.size === 0) return false;
  if (question.kind === 'single' && picked.size !== 1) return false;
  const known = new Set(question.options.map((o) => o.id));
  return [...picked].every((id) => known.has(id));
}

export interface QuizScore {
  correct: number;
  total: number;
  /** 0–100, rounded half away from zero like Postgres round(). */
  percent: number;
  passed: boolean;
}

export function scoreQuiz(questions: readonly QuizQuestionLike[], answers: QuizAnswers, passMark: number): QuizScore {
  const correct = questions.filter((q) => isAnswerCorrect(q, answers[q.id] ?? [])).length;
  const percent = questions.length === 0 ? 100 : Math.round((100 * correct) / questions.length);
  return { correct, total: questions.length, percent, passed: percent >= passMark };
}
