import { useLiveQuery } from 'dexie-react-hooks';
import { countToAcknowledge } from '../data/briefings/queries';
import { readMeta } from '../data/db';
import { useT } from '../ui/i18n/I18nProvider';
import { openTab } from '../ui/router/history';
import { useSession } from '../ui/session-context';
import { useMinuteClock } from '../ui/use-minute-clock';
import { labelOf } from './navigation';
import { PlaceIcon } from './PlaceIcon';
import { SCREENS, type ScreenId } from './screens';

/**
 * The bottom bar: one large button per place, icon above word, the current one
 * marked for screen readers too. Today carries how many are left to acknowledge
 * (the phone's copy, offline too) and a manager's Voice the feedback waiting
 * for an answer: a badge for the eye, a description for the ear, while the
 * button's name stays its place ("Today").
 */
export function TabBar({ tabs, current }: { tabs: ScreenId[]; current: ScreenId }) {
  const t = useT();
  const { db, me } = useSession();
  const now = useMinuteClock();
  // Not while a first sync lands page after page: re-reading every briefing after each page slowed the
  // sync itself (as Today found), and the count means nothing until it ends.
  const firstSync = useLiveQuery(async () => (await readMeta(db)).first_sync !== null, [db]) ?? true;
  // Re-counted each minute too (something may fall due); the count itself corrects the device clock.
  const left = useLiveQuery(() => (firstSync ? 0 : countToAcknowledge(db, Date.now())), [db, now, firstSync]) ?? 0;
  // A manager's or HR's open inbox, as last fetched (side data): offline it shows the last count.
  const inbox = useLiveQuery(() => db.counts.get('inbox_open'), [db]);
  const unanswered = me && me.role !== 'staff' ? (inbox?.count ?? 0) : 0;
  return (
    <nav className="tabbar" aria-label={t('app.nav')}>
      {tabs.map((id) => {
        const count = id === 'today' ? left : id === 'voice' ? unanswered : 0;
        const countId = `tab-count-${id}`;
        return (
          <div key={id} className="tabbar__place">
            <button
              type="button"
              aria-current={current === id ? 'page' : undefined}
              aria-describedby={count > 0 ? countId : undefined}
              onClick={() => openTab(SCREENS[id].path)}
            >
              <PlaceIcon id={id} />
              <span className="tabbar__label">{t(labelOf(id))}</span>
            </button>
            {count > 0 ? (
              <span className="tabbar__count" id={countId} aria-hidden="true">
                {count > 99 ? '99+' : count}
                <span className="visually-hidden"> {id === 'today' ? t('today.counter', { count }) : t('app.tab.voiceCount', { count })}</span>
              </span>
            ) : null}
          </div>
        );
      })}
    </nav>
  );
}
