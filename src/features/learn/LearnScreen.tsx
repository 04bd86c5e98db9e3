import '../../ui/i18n/sections/learn';
import './learn.css';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useT } from '../../ui/i18n/I18nProvider';
import { useSession } from '../../ui/session-context';
import { LessonList } from './LessonList';
import { LessonPlayer } from './LessonPlayer';
import { OrganisationLessons } from './OrganisationLessons';
import { ReviewSession } from './ReviewSession';
import { clearReviewRequest, isReviewRequested } from './review-request';
import { TrainingReportView } from './TrainingReportView';
import { useAuthoredLessons } from './use-authored-lessons';

// Only HR authors lessons: staff phones never fetch the editor.
const LessonEditor = lazy(() => import('./LessonEditor').then((m) => ({ default: m.LessonEditor })));

type View =
  | { kind: 'list'; notice?: string }
  | { kind: 'lesson'; lessonId: string }
  | { kind: 'review' }
  | { kind: 'report' }
  | { kind: 'editor'; lessonId: string | null };

/**
 * Learn: the lessons on this phone (cards, then a quiz, scored offline), the
 * spaced review, and for managers and HR the training report; HR also writes
 * and archives lessons.
 */
export function LearnScreen() {
  const { me } = useSession();
  const t = useT();
  const [view, setView] = useState<View>(() => (isReviewRequested() ? { kind: 'review' } : { kind: 'list' }));
  useEffect(clearReviewRequest, []);
  const toList = (notice?: string) => {
    setView({ kind: 'list', notice });
    window.scrollTo(0, 0);
  };
  const open = (next: View) => {
    setView(next);
    window.scrollTo(0, 0);
  };

  const role = me?.role;
  const manages = role === 'manager' || role === 'hr' || role === 'admin';
  const authors = role === 'hr' || role === 'admin';
  const authored = useAuthoredLessons(authors);
  // undefined while the server's copies are on their way, so the editor starts from the right audience.
  const known = (lessonId: string) => (authored.loading ? undefined : authored.lessons?.find((lesson) => lesson.id === lessonId) ?? null);

  switch (view.kind) {
    case 'lesson': return <LessonPlayer lessonId={view.lessonId} onBack={() => toList()} />;
    case 'review': return <ReviewSession onBack={() => toList()} />;
    case 'report': return <TrainingReportView onBack={() => toList()} />;
    case 'editor':
      return (
        <Suspense fallback={<p className="muted">{t('learn.loading')}</p>}>
          <LessonEditor
            lessonId={view.lessonId}
            known={view.lessonId ? known(view.lessonId) : null}
            onDone={(notice) => {
              authored.reload();
              toList(notice);
            }}
            onCancel={() => toList()}
          />
        </Suspense>
      );
    case 'list':
      return (
        <section className="learn" aria-labelledby="learn-title">
          <h1 id="learn-title">{t('learn.title')}</h1>
          {view.notice ? <p className="learn-notice" role="status">{view.notice}</p> : null}
          {manages ? (
            <div className="learn-actions learn-manage">
              <button type="button" onClick={() => open({ kind: 'report' })}>{t('learn.manage.report')}</button>
              {authors ? <button type="button" onClick={() => open({ kind: 'editor', lessonId: null })}>{t('learn.manage.new')}</button> : null}
            </div>
          ) : null}
          <LessonList
            onOpen={(lessonId) => open({ kind: 'lesson', lessonId })}
            onReview={() => open({ kind: 'review' })}
            onEdit={authors ? (lessonId) => open({ kind: 'editor', lessonId }) : undefined}
          />
          {authors && authored.lessons ? (
            <OrganisationLessons lessons={authored.lessons} onEdit={(lessonId) => open({ kind: 'editor', lessonId })} />
          ) : null}
        </section>
      );
  }
}
