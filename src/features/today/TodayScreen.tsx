import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { acknowledgeBriefing } from '../../data/commands';
import type { LocalBriefing } from '../../data/db';
import { allAcks, allBriefings } from '../../data/queries';
import { ackState, acksByBriefing, isLive, todayOrder, type AckState } from '../../domain/briefing-status';
import { useSession } from '../../ui/session-context';
import { BriefingCard } from './BriefingCard';
import { TODAY_PAGE_SIZE } from './page-size';

const PAGE = TODAY_PAGE_SIZE;

/** Today's briefings from the phone's copy; acknowledging works with no network. */
export function TodayScreen() {
  const { db, commands } = useSession();
  // Deferred: while a sync rewrites hundreds of rows, rendering yields to it instead of blocking it.
  const briefings = useDeferredValue(useLiveQuery(() => allBriefings(db), [db]));
  const acks = useDeferredValue(useLiveQuery(() => allAcks(db), [db]));
  const [error, setError] = useState<string | null>(null);
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
    void acknowledgeBriefing(commands, briefing).then((result) => setError(result.ok ? null : result.message));
  }, [commands]);

  if (!ordered) return <p className="muted">Loading…</p>;
  if (ordered.length === 0) return <p className="empty">No briefings yet. They appear here after the first sync.</p>;

  return (
    <section aria-labelledby="today-heading">
      <h1 id="today-heading">Today</h1>
      {error ? <p role="alert" className="error">{error}</p> : null}
      <ul className="briefing-list">
        {ordered.slice(0, shown).map(({ briefing, state }) => (
          <li key={briefing.id}>
            <BriefingCard briefing={briefing} state={state} onAcknowledge={acknowledge} />
          </li>
        ))}
      </ul>
      {ordered.length > shown ? (
        <button type="button" className="show-more" onClick={() => setShown((n) => n + PAGE)}>
          Show more ({ordered.length - shown} more)
        </button>
      ) : null}
    </section>
  );
}
