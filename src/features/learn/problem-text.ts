import type { AttemptProblem } from '../../data/learn/commands';
import type { DraftProblem } from '../../domain/lesson-draft';
import type { Translate } from '../../ui/i18n/messages';

export function problemText(t: Translate, problem: DraftProblem): string {
  switch (problem.code) {
    case 'required':
      return t('learn.problem.required');
    case 'too_long':
      return t('learn.problem.tooLong', { max: problem.max ?? 0 });
    case 'out_of_range':
      return t('learn.problem.outOfRange');
    case 'no_cards':
      return t('learn.problem.noCards');
    case 'no_questions':
      return t('learn.problem.noQuestions');
    case 'pick_correct':
      return t('learn.problem.pickCorrect');
    case 'one_correct':
      return t('learn.problem.oneCorrect');
  }
}

/** A field's problem in words, or undefined; fields are named as checkLessonDraft names them. */
export type FieldProblem = (field: string) => string | undefined;

export function fieldProblems(t: Translate, problems: readonly DraftProblem[] | null): FieldProblem {
  return (field) => {
    const problem = problems?.find((p) => p.field === field);
    return problem ? problemText(t, problem) : undefined;
  };
}

/** The DOM id of a field's input, so the problem summary can jump to it. */
export function fieldId(field: string): string {
  return `lesson-${field.replace(/\./g, '-')}`;
}

/** Why a finished lesson could not be recorded, in the person's language. */
export function attemptProblemText(t: Translate, problem: AttemptProblem): string {
  switch (problem) {
    case 'answers_required':
      return t('learn.result.answersRequired');
  }
}
