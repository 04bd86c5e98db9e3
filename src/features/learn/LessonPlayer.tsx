import { useLiveQuery } from 'dexie-react-hooks';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { CommandFailure } from '../../data/command-core';
import type { LessonProgress } from '../../data/db';
import type { AttemptProblem } from '../../data/learn/commands';
import { recordLessonAttempt, saveLessonProgress } from '../../data/learn/commands';
import { lessonWithProgress } from '../../data/learn/queries';
import type { Lesson } from '../../data/supabase/types';
import { lessonInLanguage } from '../../domain/lesson-language';
import { type LessonStanding, resumePoint, stepAt, stepCount } from '../../domain/lesson-steps';
import type { QuizScore } from '../../domain/quiz';
import { commandFailureText } from '../../ui/command-failure-text';
import { useI18n, useT } from '../../ui/i18n/I18nProvider';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { useLanguageChoice } from '../../ui/language-choice';
import { Markdown } from '../../ui/Markdown';
import { useSession } from '../../ui/session-context';
import { LessonResult } from './LessonResult';
import { attemptProblemText } from './problem-text';
import { QuestionForm } from './QuestionForm';

/**
 * A lesson from the phone's copy, resumed where this person left it. A lesson
 * failed before and not started again opens at its first question: a retake
 * is of the quiz, with the cards one tap away.
 */
export function LessonPlayer({ lessonId, onBack }: { lessonId: string; onBack(): void }) {
  const { db } = useSession();
  const t = useT();
  const data = useLiveQuery(() => lessonWithProgress(db, lessonId), [db, lessonId]);
  const back = <button type="button" className="link-button" onClick={onBack}>{`← ${t('learn.back')}`}</button>;
  if (!data) return <p className="muted">{t('learn.loading')}</p>;
  if (!data.lesson)
    return (
      <section>
        {back}
        <p className="empty">{t('learn.missing')}</p>
      </section>
    );
  // A new version arriving mid-lesson starts a fresh run: its questions may differ.
  return <LessonRun key={data.lesson.version} lesson={data.lesson} saved={data.progress} standing={data.standing} back={back} onBack={onBack} />;
}

/**
 * Puts the top of the step (the score heading, the next card) just below the
 * sticky sync bar. The page's scroll-padding-top is a fixed 5rem, but the bar
 * grows with its message (offline, waiting, a sync problem, longer languages)
 * and then covered the score heading; so the bar is measured, not assumed.
 */
function scrollBelowStickyBar(element: HTMLElement): void {
  const bar = document.querySelector('.sync-bar');
  const clear = (bar ? bar.getBoundingClientRect().bottom : 0) + 12;
  window.scrollTo({ top: Math.max(0, window.scrollY + element.getBoundingClientRect().top - clear) });
}

function LessonRun({
  lesson,
  saved,
  standing,
  back,
  onBack,
}: {
  lesson: Lesson;
  saved: LessonProgress | null;
  standing: LessonStanding;
  back: ReactNode;
  onBack(): void;
}) {
  const { commands } = useSession();
  const { t, locale } = useI18n();
  const [choice, choose] = useLanguageChoice(lesson.id);
  const [run, setRun] = useState(() => {
    const point = resumePoint(lesson, saved ?? undefined);
    const resumed = saved && saved.lesson_version === lesson.version;
    const retake = !resumed && standing.kind === 'tried' && lesson.quiz.length > 0;
    return { ...(retake ? { step: lesson.cards.length, answers: {} } : point), startedAt: resumed ? saved.started_at : commands.now().toISOString() };
  });
  const [score, setScore] = useState<QuizScore | null>(null);
  const [attemptId, setAttemptId] = useState<string | null>(null);
  const [failure, setFailure] = useState<CommandFailure<AttemptProblem> | null>(null);
  const stepRef = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: run.step and score are triggers: once the next step or the result has rendered, focus moves to it if a button moved there.
  useEffect(() => {
    const step = stepRef.current;
    if (moved.current && step) {
      step.focus({ preventScroll: true });
      scrollBelowStickyBar(step);
    }
    moved.current = false;
  }, [run.step, score]);

  /** Saved before it shows, so whatever is on screen survives the app closing. */
  async function go(step: number, answers: Record<string, string[]>) {
    const result = await saveLessonProgress(commands, {
      lesson_id: lesson.id,
      lesson_version: lesson.version,
      step,
      answers,
      started_at: run.startedAt,
      updated_at: '',
    });
    if (!result.ok) return setFailure(result);
    setFailure(null);
    moved.current = step !== run.step;
    setRun((current) => ({ ...current, step, answers }));
  }

  async function finish() {
    const result = await recordLessonAttempt(commands, lesson, run.answers, run.startedAt);
    if (!result.ok) return setFailure(result);
    setFailure(null);
    moved.current = true;
    setScore(result.score);
    setAttemptId(result.id);
  }

  /** After a fail the quiz again; after a pass the whole lesson. */
  function retry(passed: boolean) {
    moved.current = true;
    setScore(null);
    setRun({ step: passed ? 0 : lesson.cards.length, answers: {}, startedAt: commands.now().toISOString() });
  }

  // The words in the reader's language; ids, answers and steps are the original's, so a switch mid-lesson keeps the place and the answers.
  const { text: words, ...languages } = lessonInLanguage(lesson, locale, choice);
  const total = stepCount(lesson);
  const current = stepAt(words, run.step);
  const failureLine = failure ? (
    <p className="error" role="alert">
      {t('learn.result.failed', { reason: commandFailureText(t, failure, (problem) => attemptProblemText(t, problem)) })}
    </p>
  ) : null;

  return (
    <section className="lesson" aria-labelledby="lesson-title">
      {back}
      <h1 id="lesson-title" className="lesson__title" lang={languages.language}>
        {words.title}
      </h1>
      <LanguageSwitch shown={languages} onChoose={choose} />
      {score ? (
        <div ref={stepRef} tabIndex={-1} className="lesson__step" lang={languages.language}>
          <LessonResult lesson={words} answers={run.answers} score={score} attemptId={attemptId} onRetry={() => retry(score.passed)} onBack={onBack} />
        </div>
      ) : (
        <>
          <p className="lesson__where" data-testid="lesson-step">
            {current.kind === 'card'
              ? t('learn.step.card', { n: current.index + 1, total: lesson.cards.length })
              : t('learn.step.question', { n: current.kind === 'question' ? current.index + 1 : lesson.quiz.length, total: lesson.quiz.length })}
          </p>
          <progress className="lesson__progress" max={total} value={Math.min(run.step, total)} aria-label={t('learn.step.progress')} />
          <div ref={stepRef} tabIndex={-1} className="lesson__step" lang={languages.language}>
            {current.kind === 'card' ? (
              <article className="lesson-card" data-testid="lesson-card">
                <h2>{words.cards[current.index]!.title}</h2>
                <Markdown source={words.cards[current.index]!.body} headingLevel={3} className="lesson-card__body" />
                <div className="learn-actions">
                  {current.index > 0 ? (
                    <button type="button" onClick={() => void go(run.step - 1, run.answers)}>
                      {t('learn.card.previous')}
                    </button>
                  ) : null}
                  <button type="button" className="primary" onClick={() => void go(run.step + 1, run.answers)}>
                    {current.index === lesson.cards.length - 1 ? t('learn.card.toQuiz') : t('learn.card.next')}
                  </button>
                </div>
              </article>
            ) : current.kind === 'question' ? (
              <>
                {current.index === 0 && lesson.cards.length > 0 ? (
                  <button type="button" className="link-button lesson__cards-again" onClick={() => void go(0, run.answers)}>
                    {t('learn.quiz.readCards')}
                  </button>
                ) : null}
                <QuestionForm
                  key={current.question.id}
                  question={current.question}
                  answered={run.answers[current.question.id] ?? null}
                  onCheck={(chosen) => void go(run.step, { ...run.answers, [current.question.id]: chosen })}
                  next={
                    current.index === lesson.quiz.length - 1 ? (
                      <button type="button" className="primary" onClick={() => void finish()}>
                        {t('learn.quiz.finish')}
                      </button>
                    ) : (
                      <button type="button" className="primary" onClick={() => void go(run.step + 1, run.answers)}>
                        {t('learn.quiz.next')}
                      </button>
                    )
                  }
                />
              </>
            ) : (
              <div className="learn-actions">
                <button type="button" className="primary" onClick={() => void finish()}>
                  {t('learn.quiz.finish')}
                </button>
              </div>
            )}
          </div>
        </>
      )}
      {failureLine}
    </section>
  );
}
