import { useLiveQuery } from 'dexie-react-hooks';
import { dueQuestionCount } from '../data/learn/queries';
import { useT } from './i18n/I18nProvider';
import { go } from './router/history';
import { useSession } from './session-context';
import { useMinuteClock } from './use-minute-clock';
import './review-due.css';

/** Today's nudge: how many lesson questions are due for spaced review, and a way straight into the session. */
export function ReviewDueCard() {
  const { db } = useSession();
  const t = useT();
  const now = useMinuteClock();
  const due = useLiveQuery(() => dueQuestionCount(db, now), [db, now]);
  if (!due) return null;
  return (
    <section className="review-due" aria-labelledby="review-due-heading" data-testid="review-due">
      <h2 id="review-due-heading">{t('today.review.title')}</h2>
      <p>{t('today.review.due', { count: due })}</p>
      <button type="button" className="primary" onClick={() => go('/learn/review')}>
        {t('today.review.start')}
      </button>
    </section>
  );
}
