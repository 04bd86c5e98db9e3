/**
 * Today's nudge for lessons required of this person and not yet passed: the
 * most pressing few with their date in words, each opening the lesson, and
 * how many more. From the lesson rows on the phone (required_by comes with
 * the sync), so offline too; "today" is the store's day by the server's clock.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { lessonList } from '../../data/learn/queries';
import { pickText } from '../../domain/content-language';
import { type OpenRequirement, pressingRequirements } from '../../domain/lesson-status';
import { calendarDay, dayIn } from '../../domain/today-plan';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { formattingTag } from '../../ui/i18n/locale';
import { chosenLanguage } from '../../ui/language-choice';
import { go } from '../../ui/router/history';
import { useSession } from '../../ui/session-context';
import { useMinuteClock } from '../../ui/use-minute-clock';
import './required-lessons.css';
import { storeTimeZone } from '../../data/store-time-zone';

/** Enough to act on at a glance; the Learn list has the rest. */
const SHOWN = 3;

export function RequiredLessonsCard() {
  const { db, me } = useSession();
  const { t, locale } = useI18n();
  const now = useMinuteClock();
  const today = dayIn(now, storeTimeZone(me));
  const items = useLiveQuery(() => lessonList(db, today), [db, today]);
  if (!items) return null;
  const { shown, more } = pressingRequirements(items, SHOWN);
  if (shown.length === 0) return null;

  function when(requirement: OpenRequirement): string {
    if (requirement.kind === 'overdue') return t('today.required.overdue', { count: requirement.daysLate });
    if (requirement.daysLeft === 0) return t('today.required.dueToday');
    if (requirement.daysLeft === 1) return t('today.required.dueTomorrow');
    const day = new Intl.DateTimeFormat(formattingTag(locale), { weekday: 'short', day: 'numeric', month: 'short' }).format(
      new Date(calendarDay(requirement.dueOn)),
    );
    return t('today.required.by', { date: day });
  }

  return (
    <section className="required-lessons" aria-labelledby="required-lessons-heading" data-testid="required-lessons">
      <h2 id="required-lessons-heading">{t('today.required.title')}</h2>
      <ul>
        {shown.map(({ lesson, requirement }) => {
          // The title as the Learn list shows it: in this person's language, or the one they switched the lesson to.
          const { text, language } = pickText(lesson, lesson, locale, chosenLanguage(lesson.id));
          return (
            <li key={lesson.id}>
              <button
                type="button"
                className={`required-lessons__item required-lessons__item--${requirement.kind}`}
                onClick={() => go(`/learn/${lesson.id}`)}
                data-testid="required-lesson"
                data-lesson-id={lesson.id}
              >
                <span className="required-lessons__title" lang={language}>
                  {text.title}
                </span>
                <span className="required-lessons__when">
                  {requirement.kind === 'overdue' ? <span aria-hidden="true">⚠ </span> : null}
                  {when(requirement)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {more > 0 ? (
        <button type="button" className="link-button required-lessons__more" onClick={() => go('/learn')} data-testid="required-lessons-more">
          {t('today.required.more', { count: more })}
        </button>
      ) : null}
    </section>
  );
}
