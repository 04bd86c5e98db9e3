import { useLiveQuery } from 'dexie-react-hooks';
import { dueQuestionCount, type LessonListItem, lessonList } from '../../data/learn/queries';
import { storeTimeZone } from '../../data/store-time-zone';
import { pickText } from '../../domain/content-language';
import { lessonAction, type Requirement } from '../../domain/lesson-status';
import type { LessonStanding } from '../../domain/lesson-steps';
import { calendarDay, dayIn } from '../../domain/today-plan';
import { useI18n, useT } from '../../ui/i18n/I18nProvider';
import type { Translate } from '../../ui/i18n/messages';
import { chosenLanguage } from '../../ui/language-choice';
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

/** Shapes as well as colour: a tick for passed, a cross for not passed, a half circle for started, an empty circle for new. */
const STANDING_ICON: Record<LessonStanding['kind'], string> = { passed: '✓', tried: '✗', in_progress: '◐', not_started: '○' };

const ACTION_KEY = {
  start: 'learn.action.start',
  continue: 'learn.action.continue',
  retake_quiz: 'learn.action.retakeQuiz',
  again: 'learn.action.again',
} as const;

/** The lessons on this phone with how far this person got, the ones required of them first, and the review when questions are due. */
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
  const { db, me } = useSession();
  const t = useT();
  const now = useMinuteClock();
  const today = dayIn(now, storeTimeZone(me));
  const items = useLiveQuery(() => lessonList(db, today), [db, today]);
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

function RequirementLine({ requirement }: { requirement: Requirement }) {
  const { t, date } = useI18n();
  if (requirement.kind === 'none' || requirement.kind === 'done') return null;
  const when = date(calendarDay(requirement.dueOn), 'date');
  const overdue = requirement.kind === 'overdue';
  return (
    <p className={`lesson-row__required lesson-row__required--${requirement.kind}`} data-testid="lesson-required" data-kind={requirement.kind}>
      <span aria-hidden="true" className="lesson-row__icon">
        {overdue ? '⚠' : '📅'}
      </span>
      <span data-testid="lesson-required-text">
        {overdue ? t('learn.required.overdue', { date: when, count: requirement.daysLate }) : t('learn.required.by', { date: when })}
      </span>
    </p>
  );
}

function LessonRow({
  item: { lesson, standing, requirement },
  onOpen,
  onEdit,
}: {
  item: LessonListItem;
  onOpen(id: string): void;
  onEdit?: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  // The title and summary in this person's language (or the one they switched the lesson to).
  const { text: words, language } = pickText(lesson, lesson, locale, chosenLanguage(lesson.id));
  const titleId = `lesson-${lesson.id}`;
  return (
    <li
      className={`lesson-row lesson-row--${standing.kind} lesson-row--req-${requirement.kind}`}
      data-testid="lesson-row"
      data-lesson-id={lesson.id}
      data-standing={standing.kind}
    >
      <h3 id={titleId} lang={language}>
        {words.title}
      </h3>
      <RequirementLine requirement={requirement} />
      {words.summary ? (
        <p className="lesson-row__summary" lang={language}>
          {words.summary}
        </p>
      ) : null}
      <p className="lesson-row__meta">
        <span>{t('learn.list.minutes', { count: lesson.minutes })}</span>
        <span className={`lesson-row__standing lesson-row__standing--${standing.kind}`}>
          <span aria-hidden="true" className="lesson-row__icon">
            {STANDING_ICON[standing.kind]}
          </span>
          <span data-testid="lesson-standing">{standingText(t, standing)}</span>
        </span>
      </p>
      <div className="learn-actions">
        {onEdit ? (
          <button type="button" aria-describedby={titleId} onClick={() => onEdit(lesson.id)}>
            {t('learn.action.edit')}
          </button>
        ) : null}
        <button type="button" className="primary" aria-describedby={titleId} onClick={() => onOpen(lesson.id)} data-testid="lesson-open">
          {t(ACTION_KEY[lessonAction(standing)])}
        </button>
      </div>
    </li>
  );
}
