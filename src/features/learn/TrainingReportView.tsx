import type { TrainingReport } from '../../data/supabase/types';
import { useI18n } from '../../ui/i18n/I18nProvider';
import type { Translate } from '../../ui/i18n/messages';
import { useSession } from '../../ui/session-context';
import { formatPercent } from '../../ui/i18n/report-format';
import { useOnlineCall, type OnlineFailure } from '../../ui/use-online-call';

function failureText(t: Translate, failure: OnlineFailure): string {
  if (failure.kind === 'offline') return t('learn.report.offline');
  if (failure.kind === 'forbidden') return t('learn.report.forbidden');
  return t('learn.report.failed', { reason: failure.detail });
}

/** Per live lesson, a table of the caller's stores (managers) or every store (HR): completed, passed, average best score. */
export function TrainingReportView({ onBack }: { onBack(): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const { data: report, loading, failure, reload: retry } = useOnlineCall(api, 'training', (online) => online.call('training_report', {}));
  return (
    <section className="learn training-report" aria-labelledby="report-title" aria-busy={loading}>
      <button type="button" className="link-button" onClick={onBack}>{`← ${t('learn.back')}`}</button>
      <h1 id="report-title">{t('learn.report.title')}</h1>
      {failure ? (
        <div className="warning" role="alert" data-testid="report-failure">
          <p>{failureText(t, failure)}</p>
          <button type="button" onClick={retry}>{t('learn.report.retry')}</button>
        </div>
      ) : null}
      {!report && loading && !failure ? <p className="muted" role="status">{t('learn.report.loading')}</p> : null}
      {report && report.lessons.length === 0 ? <p className="empty">{t('learn.report.empty')}</p> : null}
      {report?.lessons.map((lesson) => <LessonTable key={lesson.lesson_id} lesson={lesson} />)}
    </section>
  );
}

function LessonTable({ lesson }: { lesson: TrainingReport['lessons'][number] }) {
  const { t, number, locale } = useI18n();
  const headingId = `report-${lesson.lesson_id}`;
  return (
    <section className="report-lesson" aria-labelledby={headingId} data-testid="report-lesson" data-lesson-id={lesson.lesson_id}>
      <h2 id={headingId}>{lesson.title}</h2>
      <p className="muted report-lesson__meta">{t('learn.report.meta', { version: lesson.version, percent: lesson.pass_mark })}</p>
      {lesson.by_store.length === 0 ? <p className="muted">{t('learn.report.noStores')}</p> : (
        <table className="report-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('learn.report.store')}</th>
              <th scope="col">{t('learn.report.completed')}</th>
              <th scope="col">{t('learn.report.passed')}</th>
              <th scope="col">{t('learn.report.average')}</th>
            </tr>
          </thead>
          <tbody>
            {lesson.by_store.map((row) => (
              <tr key={row.store_id} data-testid="report-row" data-store={row.store_name}>
                <th scope="row">{row.store_name}</th>
                <td data-testid="report-completed">{t('learn.report.ofAudience', { done: row.completed, audience: row.audience })}</td>
                <td data-testid="report-passed">{number(row.passed)}</td>
                <td data-testid="report-average">
                  {row.average_score === null ? t('learn.report.noScore') : formatPercent(locale, row.average_score / 100)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
