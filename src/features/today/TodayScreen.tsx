import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { acknowledgeBriefing } from '../../data/commands';
import type { CommandResult } from '../../data/commands';
import type { LocalBriefing } from '../../data/db';
import { allAcks, allBriefings } from '../../data/queries';
import { ackState, acksByBriefing, isLive, todayOrder, type AckState } from '../../domain/briefing-status';
import { useT } from '../../ui/i18n/I18nProvider';
import type { Translate } from '../../ui/i18n/messages';
import { useSession } from '../../ui/session-context';
import { BriefingCard } from './BriefingCard';
import { TODAY_PAGE_SIZE } from './page-size';

const PAGE = TODAY_PAGE_SIZE;

type CommandFailure = Extract<CommandResult, { ok: false }>;

function failureText(t: Translate, failure: CommandFailure): string {
  if (failure.reason === 'storage_full') return t('error.storageFull');
  if (failure.reason === 'storage_lost') return t('error.storageLost');
  return failure.message;
}

/** Today's briefings from the phone's copy; acknowledging works with no network. */
export function TodayScreen() {
  const { db, commands } = useSession();
  const t = useT();
  // Deferred: while a sync rewrites hundreds of rows, rendering yields to it instead of blocking it.
  const briefings = useDeferredValue(useLiveQuery(() => allBriefings(db), [db]));
  const acks = useDeferredValue(useLiveQuery(() => allAcks(db), [db]));
  const [error, setError] = useState<CommandFailure | null>(null);
  const [shown, setShown] = useState(PAGE);

  const ordered = useMemo(() => {
    if (!briefings) return null;
    const now = new Date();
    const byBriefing = acksByBriefing(acks ?? []);
    const states = new Map<string, AckState>();
    const live = briefings.filter((b) => isLive(b, now) && b.local_state !== 'pending');
    for (const b of live) states.set(b.id, ackState(b, byBriefing.get(b.id) ?? [], now));
    live.sort(todayOrder((b) => states.get(b.id)!));
    return live.map((briefing) => ({ briefing, state: states.get(briefing.id)! }));
  }, [briefings, acks]);

  const acknowledge = useCallback((briefing: LocalBriefing) => {
    void acknowledgeBriefing(commands, briefing).then((result) => setError(result.ok ? null : result));
  }, [commands]);

  // The heading is there in every state, so the screen always says where you are.
  const heading = <h1 id="today-heading">{t('today.title')}</h1>;
  if (!ordered || ordered.length === 0) {
    return (
      <section aria-labelledby="today-heading">
        {heading}
        {ordered ? <p className="empty">{t('today.empty')}</p> : <p className="muted">{t('today.loading')}</p>}
      </section>
    );
  }

  return (
    <section aria-labelledby="today-heading">
      {heading}
      {error ? <p role="alert" className="error">{failureText(t, error)}</p> : null}
      <ul className="briefing-list">
        {ordered.slice(0, shown).map(({ briefing, state }) => (
          <li key={briefing.id}>
            <BriefingCard briefing={briefing} state={state} onAcknowledge={acknowledge} />
          </li>
        ))}
      </ul>
      {ordered.length > shown ? (
        <button type="button" className="show-more" onClick={() => setShown((n) => n + PAGE)}>
          {t('today.showMore', { count: ordered.length - shown })}
        </button>
      ) : null}
    </section>
  );
}
