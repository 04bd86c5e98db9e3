/**
 * Learn's screens, one per address: the lessons on this phone (cards, then a
 * quiz, scored offline), a lesson, the spaced review, and for managers and HR
 * the training report; HR also writes and archives lessons.
 */
import './learn.css';
import { lazy, Suspense } from 'react';
import { useT } from '../../ui/i18n/I18nProvider';
import { back, currentNote, go } from '../../ui/router/history';
import type { Params } from '../../ui/router/match';
import { useSession } from '../../ui/session-context';
import { LessonList } from './LessonList';
import { LessonPlayer } from './LessonPlayer';
import { OrganisationLessons } from './OrganisationLessons';
import { ReviewSession } from './ReviewSession';
import { TrainingReportView } from './TrainingReportView';
import { useAuthoredLessons } from './use-authored-lessons';

// Only HR authors lessons: staff phones never fetch the editor.
const LessonEditor = lazy(() => import('./LessonEditor').then((m) => ({ default: m.LessonEditor })));

const LEARN = '/learn';
const toList = (notice?: string) => back(LEARN, notice);

/** /learn */
export function LearnScreen() {
  const { me } = useSession();
  const t = useT();
  const role = me?.role;
  const manages = role === 'manager' || role === 'hr' || role === 'admin';
  const authors = role === 'hr' || role === 'admin';
  const authored = useAuthoredLessons(authors);
  const notice = currentNote();
  const edit = authors ? (lessonId: string) => go(`/learn/${encodeURIComponent(lessonId)}/edit`) : undefined;

  return (
    <section className="learn" aria-labelledby="learn-title">
      <h1 id="learn-title">{t('learn.title')}</h1>
      {notice ? (
        <p className="learn-notice" role="status">
          {notice}
        </p>
      ) : null}
      {manages ? (
        <div className="learn-actions learn-manage">
          <button type="button" onClick={() => go('/learn/report')}>
            {t('learn.manage.report')}
          </button>
          {authors ? (
            <button type="button" onClick={() => go('/learn/new')}>
              {t('learn.manage.new')}
            </button>
          ) : null}
        </div>
      ) : null}
      <LessonList onOpen={(lessonId) => go(`/learn/${encodeURIComponent(lessonId)}`)} onReview={() => go('/learn/review')} onEdit={edit} />
      {edit && authored.lessons ? <OrganisationLessons lessons={authored.lessons} onEdit={edit} /> : null}
    </section>
  );
}

/** /learn/:lessonId */
export function LessonScreen({ params }: { params: Params }) {
  return <LessonPlayer key={params.lessonId} lessonId={params.lessonId!} onBack={() => toList()} />;
}

/** /learn/review */
export function ReviewScreen() {
  return <ReviewSession onBack={() => toList()} />;
}

/** /learn/report */
export function TrainingReportScreen() {
  return <TrainingReportView onBack={() => toList()} />;
}

/** /learn/new and /learn/:lessonId/edit (HR) */
export function LessonEditorScreen({ params }: { params: Params }) {
  const t = useT();
  const authored = useAuthoredLessons(true);
  const lessonId = params.lessonId ?? null;
  // undefined while the server's copies are on their way, so the editor starts from the right audience.
  const known = lessonId === null ? null : authored.loading ? undefined : (authored.lessons?.find((lesson) => lesson.id === lessonId) ?? null);
  return (
    <Suspense fallback={<p className="muted">{t('learn.loading')}</p>}>
      <LessonEditor key={lessonId ?? 'new'} lessonId={lessonId} known={known} onDone={(notice) => toList(notice)} onCancel={() => toList()} />
    </Suspense>
  );
}
