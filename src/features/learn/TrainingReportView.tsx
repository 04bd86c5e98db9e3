import { lazy, Suspense, useState } from 'react';
import { storeTimeZone } from '../../data/store-time-zone';
import type { TrainingOverdue, TrainingReport, TrainingRequirement } from '../../data/supabase/types';
import { calendarDay, dayIn } from '../../domain/today-plan';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { formatPercent } from '../../ui/i18n/report-format';
import { OnlineCallProblem } from '../../ui/OnlineCallProblem';
import { useSession } from '../../ui/session-context';
import { useMinuteClock } from '../../ui/use-minute-clock';
import { type OnlineFailure, onlineFailure, useOnlineCall } from '../../ui/use-online-call';
import { LessonRequirements } from './LessonRequirements';

// Only managers and HR open it, and only when they make a lesson required.
const RequireLessonForm = lazy(() => import('./RequireLessonForm').then((m) => ({ default: m.RequireLessonForm })));

type Lesson = TrainingReport['lessons'][number];

/** The pages loaded so far as one report: each lesson's store rows in page order. */
function mergePages(pages: readonly TrainingReport[]): Lesson[] {
  const lessons = new Map<string, Lesson>();
  for (const page of pages) {
    for (const lesson of page.lessons) {
      const seen = lessons.get(lesson.lesson_id);
      lessons.set(lesson.lesson_id, seen ? { ...seen, by_store: [...seen.by_store, ...lesson.by_store] } : lesson);
    }
  }
  return [...lessons.values()];
}

type MorePages = { after: TrainingReport | null; pages: TrainingReport[]; loading: boolean; failure: OnlineFailure | null };
const NO_MORE: MorePages = { after: null, pages: [], loading: false, failure: null };

/**
 * Who is overdue on a required lesson first (paged by name), then per live
 * lesson a table of the caller's stores (managers) or every store (HR):
 * completed, passed, average best score, and a way to make the lesson
 * required by a date. The server answers a page of stores at a time; "Show
 * more stores" adds the next page to every table.
 */
export function TrainingReportView({ onBack }: { onBack(): void }) {
  const { api, me } = useSession();
  const { t } = useI18n();
  const now = useMinuteClock();
  const today = dayIn(now, storeTimeZone(me));
  const [requiring, setRequiring] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [overdueKey, setOverdueKey] = useState(0);
  const { data: first, loading, failure, reload: retry } = useOnlineCall(api, 'training', (online) => online.call('training_report', {}));
  const requirements = useOnlineCall(api, 'training-requirements', (online) => online.call('training_requirements', {}));
  const requirementsOf = (lessonId: string): TrainingRequirement[] => (requirements.data ?? []).filter((r) => r.lesson_id === lessonId);
  // A requirement made, moved or removed changes who is overdue and the list of requirements.
  const changed = (text: string) => {
    setNotice(text);
    setOverdueKey((n) => n + 1);
    requirements.reload();
  };
  // The pages after `first`, kept with the first page they follow: a reloaded first page starts the list again.
  const [loaded, setLoaded] = useState<MorePages>(NO_MORE);
  const more = first && loaded.after === first ? loaded : NO_MORE;

  const pages = first ? [first, ...more.pages] : [];
  const next = pages.at(-1)?.next ?? null;
  const lessons = mergePages(pages);

  async function showMore() {
    if (!api || !first || !next || more.loading) return;
    setLoaded({ ...more, after: first, loading: true, failure: null });
    const outcome = await api.call('training_report', { p_after_store_name: next.store_name, p_after_store_id: next.store_id });
    // An answer for a first page since reloaded is dropped.
    setLoaded((state) =>
      state.after !== first
        ? state
        : outcome.ok
          ? { after: first, pages: [...state.pages, outcome.data], loading: false, failure: null }
          : { ...state, loading: false, failure: onlineFailure(outcome.error) },
    );
  }

  return (
    <section className="learn training-report" aria-labelledby="report-title" aria-busy={loading || more.loading}>
      <button type="button" className="link-button" onClick={onBack}>{`← ${t('learn.back')}`}</button>
      <h1 id="report-title">{t('learn.report.title')}</h1>
      {notice ? (
        <p className="learn-notice" role="status">
          {notice}
        </p>
      ) : null}
      <OverdueSection key={overdueKey} />
      {failure ? (
        <OnlineCallProblem
          failure={failure}
          onRetry={() => {
            retry();
            setOverdueKey((n) => n + 1);
            requirements.reload();
          }}
        />
      ) : null}
      {!first && loading && !failure ? (
        <p className="muted" role="status">
          {t('learn.report.loading')}
        </p>
      ) : null}
      {first && lessons.length === 0 ? <p className="empty">{t('learn.report.empty')}</p> : null}
      {lessons.map((lesson) => (
        <LessonTable key={lesson.lesson_id} lesson={lesson} complete={next === null}>
          <LessonRequirements api={api} lesson={lesson} requirements={requirementsOf(lesson.lesson_id)} today={today} onChanged={changed} />
          {requiring === lesson.lesson_id ? (
            <Suspense fallback={<p className="muted">{t('learn.loading')}</p>}>
              <RequireLessonForm
                api={api}
                lesson={lesson}
                manager={me?.role === 'manager'}
                today={today}
                onCancel={() => setRequiring(null)}
                onDone={(text) => {
                  setRequiring(null);
                  changed(text);
                }}
              />
            </Suspense>
          ) : (
            <button
              type="button"
              className="report-lesson__require"
              aria-describedby={`report-${lesson.lesson_id}`}
              onClick={() => {
                setNotice(null);
                setRequiring(lesson.lesson_id);
              }}
            >
              {t('learn.require.open')}
            </button>
          )}
        </LessonTable>
      ))}
      {more.failure ? <OnlineCallProblem failure={more.failure} /> : null}
      {next && lessons.length > 0 ? (
        <button type="button" onClick={() => void showMore()} disabled={more.loading} data-testid="report-more">
          {more.loading ? t('learn.report.loadingMore') : t('learn.report.moreStores')}
        </button>
      ) : null}
    </section>
  );
}

type OverduePages = { pages: TrainingOverdue[]; loading: boolean; failure: OnlineFailure | null };

/** People past the date of a required lesson they have not passed, in the caller's scope, a page of names at a time. */
function OverdueSection() {
  const { api } = useSession();
  const { t, date } = useI18n();
  const { data: first, loading, failure, reload } = useOnlineCall(api, 'training-overdue', (online) => online.call('training_overdue', {}));
  const [more, setMore] = useState<OverduePages & { after: TrainingOverdue | null }>({ after: null, pages: [], loading: false, failure: null });
  const extra = first && more.after === first ? more : { after: first, pages: [], loading: false, failure: null };
  const pages = first ? [first, ...extra.pages] : [];
  const people = pages.flatMap((p) => p.people);
  const next = pages.at(-1)?.next ?? null;

  async function showMore() {
    if (!api || !first || !next || extra.loading) return;
    setMore({ ...extra, after: first, loading: true, failure: null });
    const outcome = await api.call('training_overdue', { p_after_name: next.name, p_after_member_id: next.member_id, p_after_lesson_id: next.lesson_id });
    setMore((state) =>
      state.after !== first
        ? state
        : outcome.ok
          ? { after: first, pages: [...state.pages, outcome.data], loading: false, failure: null }
          : { ...state, loading: false, failure: onlineFailure(outcome.error) },
    );
  }

  return (
    <section className="report-overdue" aria-labelledby="overdue-title" aria-busy={loading || extra.loading} data-testid="report-overdue">
      <h2 id="overdue-title">
        <span aria-hidden="true">⚠ </span>
        {t('learn.overdue.heading')}
      </h2>
      {/* Offline is said once, by the report below, whose Retry reloads this too. */}
      {failure && failure.kind !== 'offline' ? <OnlineCallProblem failure={failure} onRetry={reload} /> : null}
      {!first && loading && !failure ? <p className="muted">{t('learn.overdue.loading')}</p> : null}
      {first && first.total === 0 ? <p className="empty">{t('learn.overdue.none')}</p> : null}
      {first && first.total > 0 ? (
        <>
          <p data-testid="overdue-total">{t('learn.overdue.count', { count: first.total })}</p>
          <ul className="overdue-list" aria-labelledby="overdue-title">
            {people.map((row) => (
              <li key={`${row.member_id}:${row.lesson_id}`} data-testid="overdue-row" data-member-id={row.member_id} data-lesson-id={row.lesson_id}>
                <p className="overdue-list__name">{row.display_name}</p>
                <p>
                  {row.store_name ?? t('learn.overdue.noStore')}
                  {' · '}
                  {row.lesson_title}
                </p>
                <p className="overdue-list__late">
                  <span aria-hidden="true">⚠ </span>
                  {t('learn.overdue.dueLate', { date: date(calendarDay(row.due_on), 'date'), count: row.days_overdue })}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {extra.failure ? <OnlineCallProblem failure={extra.failure} /> : null}
      {next ? (
        <button type="button" onClick={() => void showMore()} disabled={extra.loading} data-testid="overdue-more">
          {extra.loading ? t('learn.loading') : t('learn.overdue.more')}
        </button>
      ) : null}
    </section>
  );
}

/** complete: every page of stores is loaded, so a lesson without rows has nobody in scope. */
function LessonTable({ lesson, complete, children }: { lesson: Lesson; complete: boolean; children?: React.ReactNode }) {
  const { t, number, locale } = useI18n();
  const headingId = `report-${lesson.lesson_id}`;
  return (
    <section className="report-lesson" aria-labelledby={headingId} data-testid="report-lesson" data-lesson-id={lesson.lesson_id}>
      <h2 id={headingId}>{lesson.title}</h2>
      <p className="muted report-lesson__meta">{t('learn.report.meta', { version: lesson.version, percent: lesson.pass_mark })}</p>
      {lesson.by_store.length === 0 ? (
        <p className="muted">{t(complete ? 'learn.report.noStores' : 'learn.report.noStoresYet')}</p>
      ) : (
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
                <td data-testid="report-average">{row.average_score === null ? t('learn.report.noScore') : formatPercent(locale, row.average_score / 100)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {children}
    </section>
  );
}
