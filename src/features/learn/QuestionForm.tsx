import { type FormEvent, type ReactNode, type Ref, useEffect, useId, useRef, useState } from 'react';
import type { QuizQuestion } from '../../data/supabase/types';
import { isAnswerComplete, isAnswerCorrect } from '../../domain/quiz';
import { useT } from '../../ui/i18n/I18nProvider';

export interface QuestionFormProps {
  question: QuizQuestion;
  /** The answer already checked (feedback shows, the choices lock), or null while choosing. */
  answered: readonly string[] | null;
  onCheck(chosen: string[]): void;
  /** What follows the feedback: the next question, the score, the end of the review. */
  next: ReactNode;
}

/**
 * One quiz question: radios for single choice, checkboxes for several, in a
 * fieldset whose legend is the question. After "Check answer" it says right or
 * wrong, marks the right options and shows the explanation.
 */
export function QuestionForm({ question, answered, onCheck, next }: QuestionFormProps) {
  const t = useT();
  const id = useId();
  const [chosen, setChosen] = useState<string[]>(() => [...(answered ?? [])]);
  const [incomplete, setIncomplete] = useState(false);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const justChecked = useRef(false);
  const single = question.kind === 'single';

  useEffect(() => {
    if (answered && justChecked.current) feedbackRef.current?.focus();
    justChecked.current = false;
  }, [answered]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!isAnswerComplete(question, chosen)) {
      setIncomplete(true);
      return;
    }
    justChecked.current = true;
    onCheck(chosen);
  }

  const toggle = (optionId: string, on: boolean) => {
    setIncomplete(false);
    setChosen((current) => (single ? [optionId] : on ? [...current, optionId] : current.filter((o) => o !== optionId)));
  };

  return (
    <form className="quiz" onSubmit={submit} noValidate>
      <fieldset className="quiz__question" aria-describedby={`${id}-hint`}>
        <legend className="quiz__prompt">{question.prompt}</legend>
        <p id={`${id}-hint`} className="quiz__hint">
          {single ? t('learn.quiz.pickOne') : t('learn.quiz.pickAll')}
        </p>
        <div className="quiz__options">
          {question.options.map((option) => {
            const picked = (answered ?? chosen).includes(option.id);
            const right = question.correct.includes(option.id);
            const mark = answered ? (right ? 'right' : picked ? 'wrong' : 'plain') : 'plain';
            return (
              <label key={option.id} className={`quiz__option quiz__option--${mark}`}>
                <input
                  type={single ? 'radio' : 'checkbox'}
                  name={`${id}-answer`}
                  value={option.id}
                  checked={picked}
                  disabled={answered !== null}
                  onChange={(e) => toggle(option.id, e.target.checked)}
                />
                <span className="quiz__option-text">
                  {option.text}
                  {answered && right ? <span className="quiz__tag">{t('learn.quiz.isRight')}</span> : null}
                  {answered && picked && !right ? <span className="quiz__tag">{t('learn.quiz.yourChoice')}</span> : null}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      {incomplete ? (
        <p className="error" role="alert">
          {t('learn.quiz.incomplete')}
        </p>
      ) : null}
      {answered ? (
        <Feedback ref={feedbackRef} question={question} answered={answered} />
      ) : (
        <button type="submit" className="primary quiz__check">
          {t('learn.quiz.check')}
        </button>
      )}
      {answered ? <div className="learn-actions">{next}</div> : null}
    </form>
  );
}

function Feedback({ question, answered, ref }: { question: QuizQuestion; answered: readonly string[]; ref: Ref<HTMLDivElement> }) {
  const t = useT();
  const right = isAnswerCorrect(question, answered);
  const rightText = question.options
    .filter((o) => question.correct.includes(o.id))
    .map((o) => o.text)
    .join('; ');
  return (
    <div ref={ref} tabIndex={-1} className={`quiz__feedback quiz__feedback--${right ? 'right' : 'wrong'}`} data-testid="quiz-feedback" data-correct={right}>
      <p className="quiz__verdict">{right ? t('learn.quiz.right') : t('learn.quiz.wrong')}</p>
      {right ? null : <p>{t('learn.quiz.correctWas', { answer: rightText })}</p>}
      {question.explanation ? <p className="quiz__explanation">{question.explanation}</p> : null}
    </div>
  );
}
