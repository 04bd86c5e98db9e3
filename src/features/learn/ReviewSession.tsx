import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import type { CommandFailure } from '../../data/command-core';
import { answerReview } from '../../data/learn/commands';
import { type DueQuestion, dueQuestions } from '../../data/learn/queries';
import { lessonInLanguage } from '../../domain/lesson-language';
import { isAnswerCorrect } from '../../domain/quiz';
import { commandFailureText } from '../../ui/command-failure-text';
import { useI18n, useT } from '../../ui/i18n/I18nProvider';
import { chosenLanguage } from '../../ui/language-choice';
import { useSession } from '../../ui/session-context';
import { QuestionForm } from './QuestionForm';

/**
 * A spaced-review session: the questions due when it opened (five at most),
 * one at a time; each answer reschedules its question at once, so closing the
 * app half-way keeps what was answered.
 */
export function ReviewSession({ onBack }: { onBack(): void }) {
  const { db, commands } = useSession();
  const t = useT();
  const [questions, setQuestions] = useState<DueQuestion[] | null>(null);
  const [index, setIndex] = useState(0);
  const [answered, setAnswered] = useState<string[] | null>(null);
  const [right, setRight] = useState(0);
  const [failure, setFailure] = useState<CommandFailure | null>(null);
  const stepRef = useRef<HTMLDivElement>(null);

  // A snapshot, taken once: answering moves a question's due date, which must not reshuffle the session under the thumb.
  const clock = useRef(commands.now);
  useEffect(() => {
    void dueQuestions(db, clock.current()).then(setQuestions);
  }, [db]);

  async function check(due: DueQuestion, chosen: string[]) {
    const correct = isAnswerCorrect(due.question, chosen);
    const result = await answerReview(commands, due.item, correct);
    if (!result.ok) return setFailure(result);
    setFailure(null);
    setAnswered(chosen);
    if (correct) setRight((n) => n + 1);
  }

  function next() {
    setAnswered(null);
    setIndex((i) => i + 1);
    requestAnimationFrame(() => stepRef.current?.focus());
  }

  const back = <button type="button" className="link-button" onClick={onBack}>{`← ${t('learn.back')}`}</button>;
  const heading = <h1 id="review-title">{t('learn.reviewSession.title')}</h1>;
  if (!questions)
    return (
      <section>
        {back}
        {heading}
        <p className="muted">{t('learn.loading')}</p>
      </section>
    );
  const due = questions[index];
  return (
    <section className="lesson review" aria-labelledby="review-title" data-testid="review-session">
      {back}
      {heading}
      {!due ? (
        <div ref={stepRef} tabIndex={-1} className="lesson__step">
          <p className="lesson-result__count" role="status">
            {questions.length === 0 ? t('learn.reviewSession.nothing') : t('learn.reviewSession.done', { correct: right, total: questions.length })}
          </p>
          <div className="learn-actions">
            <button type="button" className="primary" onClick={onBack}>
              {t('learn.back')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="lesson__where" data-testid="lesson-step">
            {t('learn.step.question', { n: index + 1, total: questions.length })}
          </p>
          <DueQuestionView due={due} stepRef={stepRef} answered={answered} onCheck={(chosen) => void check(due, chosen)}>
            <button type="button" className="primary" onClick={next}>
              {index === questions.length - 1 ? t('learn.reviewSession.finish') : t('learn.reviewSession.next')}
            </button>
          </DueQuestionView>
        </>
      )}
      {failure ? (
        <p className="error" role="alert">
          {commandFailureText(t, failure)}
        </p>
      ) : null}
    </section>
  );
}

/** A due question in the language its lesson reads in for this person (the answer is checked by option id, the same in either). */
function DueQuestionView({
  due,
  stepRef,
  answered,
  onCheck,
  children,
}: {
  due: DueQuestion;
  stepRef: RefObject<HTMLDivElement | null>;
  answered: string[] | null;
  onCheck(chosen: string[]): void;
  children: ReactNode;
}) {
  const { t, locale } = useI18n();
  const { text: lesson, language } = lessonInLanguage(due.lesson, locale, chosenLanguage(due.lesson.id));
  const question = lesson.quiz.find((q) => q.id === due.question.id) ?? due.question;
  return (
    <>
      <p className="muted review__from">{t('learn.reviewSession.from', { lesson: lesson.title })}</p>
      <div ref={stepRef} tabIndex={-1} className="lesson__step" lang={language}>
        <QuestionForm key={due.item.key} question={question} answered={answered} onCheck={onCheck} next={children} />
      </div>
    </>
  );
}
