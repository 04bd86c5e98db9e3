import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, type ReactNode, Suspense, useCallback, useDeferredValue, useId, useMemo, useState } from 'react';
import { allAcks, allBriefings, isForMe } from '../../data/briefings/queries';
import { type LocalAck, type LocalBriefing, readMeta } from '../../data/db';
import { storeTimeZone } from '../../data/store-time-zone';
import type { ContentLanguage } from '../../domain/briefing-language';
import { acksByBriefing, supersededAckVersion } from '../../domain/briefing-status';
import { matchesSearch, type PlannedBriefing, planToday, type TodaySection } from '../../domain/today-plan';
import { BriefingSummaryCard } from '../../ui/briefing/BriefingSummaryCard';
import { useAcknowledge } from '../../ui/briefing/use-acknowledge';
import { commandFailureText } from '../../ui/command-failure-text';
import { useT } from '../../ui/i18n/I18nProvider';
import type { PlainKey } from '../../ui/i18n/messages';
import { useRestoredScroll } from '../../ui/router/history';
import { useSession } from '../../ui/session-context';
import { useMinuteClock } from '../../ui/use-minute-clock';
import { useSyncStatus } from '../../ui/use-sync-status';
import { TODAY_PAGE_SIZE } from './page-size';

const PAGE = TODAY_PAGE_SIZE;
// What is acknowledged for today sits right after today's own briefings, before news and the past.
const SECTIONS: readonly TodaySection[] = ['pinned', 'today', 'done', 'news', 'earlier'];
type SectionName = TodaySection | 'results';
const SECTION_TITLE: Record<SectionName, PlainKey> = {
  pinned: 'today.section.pinned',
  today: 'today.section.today',
  done: 'today.section.done',
  news: 'today.section.news',
  earlier: 'today.section.earlier',
  results: 'today.section.results',
};

type Item = PlannedBriefing<LocalBriefing>;

// Not in the first download: it shows only after the first sync, and only until answered.
// Nudges beside Today's briefings, loaded apart: one whose code cannot be downloaded is left out, never Today with it.
const nothing: { default: () => ReactNode } = { default: () => null };
const PushOptInCard = lazy((): Promise<{ default: () => ReactNode }> => import('../../ui/push/PushOptInCard').catch(() => nothing));
const LearnNudges = lazy((): Promise<{ default: () => ReactNode }> => import('./LearnNudges').catch(() => nothing));

/**
 * Today, from the phone's copy, in the store's time zone: what needs the
 * person first, then today's shift, news and everything earlier; searchable
 * and acknowledgeable with no network.
 */
export function TodayScreen() {
  const { db, engine, me } = useSession();
  const t = useT();
  // A first sync lands page after page; re-reading and re-planning thousands of briefings after
  // each one would slow the sync itself (the page's work, not the network, dominated it). The list
  // waits for the end, unless the sync stopped part way (offline): then it shows what arrived.
  const syncPhase = useSyncStatus(engine).phase;
  const firstSyncRunning = useLiveQuery(async () => (await readMeta(db)).first_sync !== null, [db]) === true && syncPhase === 'syncing';
  // Deferred: while a sync rewrites hundreds of rows, rendering yields to it instead of blocking it.
  const briefings = useDeferredValue(useLiveQuery(() => (firstSyncRunning ? null : allBriefings(db)), [db, firstSyncRunning]));
  const acks = useDeferredValue(useLiveQuery(() => allAcks(db), [db]));
  const [shown, setShown] = useState(PAGE);
  const [query, setQuery] = useState('');
  const [searching, setSearching] = useState(false);
  const search = useDeferredValue(searching ? query.trim() : '');
  const searchId = useId();
  // Cards answered while the screen is open stay where they were until the person comes back.
  const [held, setHeld] = useState<ReadonlyMap<string, TodaySection>>(() => new Map());

  // Re-planned each minute too, so "overdue" and "today" follow the clock on a phone left open.
  const now = useMinuteClock();
  const timeZone = storeTimeZone(me);
  const plan = useMemo(() => {
    if (!briefings) return null;
    return planToday(
      briefings.filter((b) => isForMe(b, me)),
      acks ?? [],
      now,
      timeZone,
      { readerId: me?.member_id ?? null, keepInPlace: held },
    );
  }, [briefings, acks, me, now, timeZone, held]);
  const myAcks = useMemo(() => acksByBriefing<LocalAck>(acks ?? []), [acks]);

  const sections = useMemo(() => {
    if (!plan) return [];
    if (search) {
      const found = SECTIONS.flatMap((name) => plan[name]).filter((item) => matchesSearch(item.briefing, search));
      return [{ name: 'results' as const, items: found }];
    }
    return SECTIONS.map((name) => ({ name, items: plan[name] })).filter((section) => section.items.length > 0);
  }, [plan, search]);

  const { acknowledge, failure: error } = useAcknowledge();
  const acknowledgeInPlace = useCallback(
    (briefing: LocalBriefing, language: ContentLanguage) => {
      const where = plan && SECTIONS.find((name) => plan[name].some((item) => item.briefing.id === briefing.id));
      if (where) setHeld((before) => new Map(before).set(briefing.id, where));
      acknowledge(briefing, language);
    },
    [plan, acknowledge],
  );

  // Back from a briefing or a lesson lands where the list was left, once the list is drawn again.
  useRestoredScroll(plan !== null);

  // The heading is there in every state, so the screen always says where you are.
  const heading = (
    <>
      <div className="screen-header">
        <h1 id="today-heading">{t('today.title')}</h1>
        {plan && !searching ? (
          <button type="button" className="icon-button" aria-label={t('today.search')} onClick={() => setSearching(true)}>
            <SearchIcon />
          </button>
        ) : null}
      </div>
      <Suspense fallback={null}>
        <PushOptInCard />
      </Suspense>
      <Suspense fallback={null}>
        <LearnNudges />
      </Suspense>
    </>
  );
  const total = plan ? SECTIONS.reduce((sum, name) => sum + plan[name].length, 0) : 0;
  if (!plan || total === 0) {
    return (
      <section aria-labelledby="today-heading">
        {heading}
        {firstSyncRunning ? (
          <p className="muted" role="status">
            {t('today.firstSync')}
          </p>
        ) : plan ? (
          <p className="empty">{t('today.empty')}</p>
        ) : (
          <p className="muted">{t('today.loading')}</p>
        )}
      </section>
    );
  }

  let budget = shown;
  const visible = sections.map((section) => {
    const items = section.items.slice(0, Math.max(0, budget));
    budget -= items.length;
    return { ...section, items };
  });
  const hidden = sections.reduce((sum, s) => sum + s.items.length, 0) - visible.reduce((sum, s) => sum + s.items.length, 0);

  return (
    <section aria-labelledby="today-heading">
      {heading}
      {plan.counter.required > 0 ? (
        <p className={`today-counter${plan.counter.left === 0 ? ' today-counter--done' : ''}`} data-testid="today-counter" data-left={plan.counter.left}>
          {plan.counter.left > 0 ? t('today.counter', { count: plan.counter.left }) : t('today.counter.done')}
        </p>
      ) : null}
      {searching ? (
        <search className="today-search">
          <label htmlFor={searchId}>{t('today.search')}</label>
          <div className="today-search__row">
            {/* biome-ignore lint/a11y/noAutofocus: the person just asked to search; the field is what they came for. */}
            <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" autoFocus />
            <button
              type="button"
              onClick={() => {
                setQuery('');
                setSearching(false);
              }}
            >
              {t('today.search.close')}
            </button>
          </div>
        </search>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {commandFailureText(t, error)}
        </p>
      ) : null}
      {search ? (
        <p role="status" className="muted">
          {sections[0]!.items.length > 0 ? t('today.search.found', { count: sections[0]!.items.length }) : t('today.search.none', { query: search })}
        </p>
      ) : null}
      {visible
        .filter((section) => section.items.length > 0)
        .map((section) => (
          <BriefingSection
            key={section.name}
            title={t(SECTION_TITLE[section.name])}
            name={section.name}
            items={section.items}
            acks={myAcks}
            held={held}
            now={now}
            onAcknowledge={acknowledgeInPlace}
          />
        ))}
      {hidden > 0 ? (
        <button type="button" className="show-more" onClick={() => setShown((n) => n + PAGE)}>
          {t('today.showMore', { count: hidden })}
        </button>
      ) : null}
    </section>
  );
}

function BriefingSection({
  title,
  name,
  items,
  acks,
  held,
  now,
  onAcknowledge,
}: {
  title: string;
  name: SectionName;
  items: Item[];
  acks: Map<string, LocalAck[]>;
  held: ReadonlyMap<string, TodaySection>;
  now: Date;
  onAcknowledge(briefing: LocalBriefing, language: ContentLanguage): void;
}) {
  const headingId = `today-${name}`;
  return (
    <section className={`today-section today-section--${name}`} aria-labelledby={headingId} data-section={name}>
      <h2 id={headingId}>{title}</h2>
      <ul className="briefing-list">
        {items.map(({ briefing, state }) => (
          <li key={briefing.id}>
            <BriefingSummaryCard
              briefing={briefing}
              state={state}
              ackedVersion={supersededAckVersion(briefing, acks.get(briefing.id) ?? [])}
              onAcknowledge={onAcknowledge}
              justAcknowledged={held.has(briefing.id)}
              now={now}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function SearchIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.5" />
      <path d="M15.5 15.5 21 21" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}
