import { useLiveQuery } from 'dexie-react-hooks';
import { dueQuestionCount, type LessonListItem, lessonList } from '../../data/learn/queries';
import type { LessonStanding } from '../../domain/lesson-steps';
import { useT } from '../../ui/i18n/I18nProvider';
import type { Translate } from '../../ui/i18n/messages';
import { useSession } from '../../ui/session-context';
import { useMinuteClock } from '../../ui/use-minute-clock';

function standingText(t: Translate, standing: LessonStanding): string {
  switch (standing.kind) {
    case 'not_started':
      return t('learn.standing.notStarted');
    case 'in_progress':
      return t('learn.standing.inProgress');
    case 'passed':
      return t('learn.standing.passed', { percent: standing.best });
    case 'tried':
      return t('learn.standing.tried', { percent: standing.best });
  }
}

function actionText(t: Translate, standing: LessonStanding): string {
  if (standing.kind === 'in_progress') return t('learn.action.continue');
  return standing.kind === 'not_started' ? t('learn.action.start') : t('learn.action.again');
}

/** The lessons on this phone with how far this person got, and the review when questions are due. */
export function LessonList({
  onOpen,
  onReview,
  onEdit,
}: {
  onOpen(lessonId: string): void;
  onReview(): void;
  /** HR only: edit a lesson. */
  onEdit?: (lessonId: string) => void;
}) {
  const { db } = useSession();
  const t = useT();
  const now = useMinuteClock();
  const items = useLiveQuery(() => lessonList(db), [db]);
  const due = useLiveQuery(() => dueQuestionCount(db, now), [db, now]);
  return (
    <>
      {due ? (
        <button type="button" className="primary learn-review-button" onClick={onReview}>
          {t('learn.review.button', { count: due })}
        </button>
      ) : null}
      <h2 id="learn-lessons">{t('learn.list.heading')}</h2>
      {!items ? (
        <p className="muted">{t('learn.loading')}</p>
      ) : items.length === 0 ? (
        <p className="empty">{t('learn.empty')}</p>
      ) : (
        <ul className="lesson-list" aria-labelledby="learn-lessons">
          {items.map((item) => (
            <LessonRow key={item.lesson.id} item={item} onOpen={onOpen} onEdit={onEdit} />
          ))}
        </ul>
      )}
    </>
  );
}

function LessonRow({ item: { lesson, standing }, onOpen, onEdit }: { item: LessonListItem; onOpen(id: string): void; onEdit?: (id: string) => void }) {
  const t = useT();
  const titleId = `lesson-${lesson.id}`;
  return (
    <li className={`lesson-row lesson-row--${standing.kind}`} data-testid="lesson-row" data-lesson-id={lesson.id}>
      <h3 id={titleId}>{lesson.title}</h3>
      {lesson.summary ? <p className="lesson-row__summary">{lesson.summary}</p> : null}
      <p className="lesson-row__meta">
        <span>{t('learn.list.minutes', { count: lesson.minutes })}</span>
        <span className={`lesson-row__standing lesson-row__standing--${standing.kind}`} data-testid="lesson-standing">
          {standingText(t, standing)}
        </span>
      </p>
      <div className="learn-actions">
        {onEdit ? (
          <button type="button" aria-describedby={titleId} onClick={() => onEdit(lesson.id)}>
            {t('learn.action.edit')}
          </button>
        ) : null}
        <button type="button" className="primary" aria-describedby={titleId} onClick={() => onOpen(lesson.id)}>
          {actionText(t, standing)}
        </button>
      </div>
    </li>
  );
}
