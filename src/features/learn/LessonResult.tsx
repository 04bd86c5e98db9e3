import type { Lesson } from '../../data/supabase/types';
import { isAnswerCorrect, type QuizScore } from '../../domain/quiz';
import { DeliveryLine } from '../../ui/DeliveryLine';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { formatPercent } from '../../ui/i18n/report-format';

/** The end of a lesson: the score, the pass mark, passed or not, what to look at again, and a retry (of the quiz alone after a fail). */
export function LessonResult({
  lesson,
  answers,
  score,
  attemptId,
  onRetry,
  onBack,
}: {
  lesson: Lesson;
  answers: Readonly<Record<string, readonly string[]>>;
  score: QuizScore;
  /** The attempt's outbox entry: the result says whether it has left the phone. */
  attemptId: string | null;
  onRetry(): void;
  onBack(): void;
}) {
  const { t, locale } = useI18n();
  const missed = lesson.quiz.filter((q) => !isAnswerCorrect(q, answers[q.id] ?? []));
  return (
    <div className="lesson-result" data-testid="lesson-result" data-percent={score.percent} data-passed={score.passed}>
      <h2 data-testid="lesson-result-heading">{t('learn.result.heading')}</h2>
      <p className="lesson-result__score">{formatPercent(locale, score.percent / 100)}</p>
      <p className="lesson-result__count">{t('learn.result.count', { correct: score.correct, total: score.total })}</p>
      <p className={`lesson-result__verdict lesson-result__verdict--${score.passed ? 'passed' : 'failed'}`}>
        {score.passed ? t('learn.result.passed') : t('learn.result.notPassed')}
        {' · '}
        {t('learn.result.passMark', { percent: lesson.pass_mark })}
      </p>
      {attemptId ? <DeliveryLine entryId={attemptId} /> : null}
      {missed.length > 0 ? (
        <section aria-labelledby="lesson-missed" className="lesson-result__missed">
          <h3 id="lesson-missed">{t('learn.result.missed')}</h3>
          <ul>
            {missed.map((q) => (
              <li key={q.id}>
                <p className="lesson-result__prompt">{q.prompt}</p>
                <p>
                  {t('learn.quiz.correctWas', {
                    answer: q.options
                      .filter((o) => q.correct.includes(o.id))
                      .map((o) => o.text)
                      .join('; '),
                  })}
                </p>
                {q.explanation ? <p className="muted">{q.explanation}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="learn-actions">
        <button type="button" onClick={onRetry} data-testid="lesson-retry">
          {score.passed ? t('learn.result.retry') : t('learn.action.retakeQuiz')}
        </button>
        <button type="button" className="primary" onClick={onBack}>
          {t('learn.back')}
        </button>
      </div>
    </div>
  );
}
