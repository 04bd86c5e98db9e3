import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { acknowledgeBriefing } from '../../data/commands';
import type { LocalBriefing } from '../../data/db';
import { allAcks, allBriefings } from '../../data/queries';
import { ackState, isLive, todayOrder, type AckState } from '../../domain/briefing-status';
import { useSession } from '../../ui/session-context';

const STATE_LABEL: Record<AckState, string> = {
  not_required: '',
  acknowledged: 'Acknowledged',
  waiting: 'Acknowledged · waiting to send',
  rejected: 'Not recorded: see problems',
  needed: 'Please acknowledge',
  overdue: 'Overdue: please acknowledge',
};

/** Today's briefings from the phone's copy; acknowledging works with no network. */
export function TodayScreen() {
  const { db, commands } = useSession();
  const briefings = useLiveQuery(() => allBriefings(db), [db]);
  const acks = useLiveQuery(() => allAcks(db), [db]) ?? [];
  const [error, setError] = useState<string | null>(null);
  const now = new Date();

  if (!briefings) return <p className="muted">Loading…</p>;
  const live = briefings.filter((b) => isLive(b, now) && b.local_state !== 'pending').sort(todayOrder(now, acks));
  if (live.length === 0) return <p className="empty">No briefings yet. They appear here after the first sync.</p>;

  async function acknowledge(briefing: LocalBriefing) {
    const result = await acknowledgeBriefing(commands, briefing);
    setError(result.ok ? null : result.message);
  }

  return (
    <section aria-labelledby="today-heading">
      <h1 id="today-heading">Today</h1>
      {error ? <p role="alert" className="error">{error}</p> : null}
      <ul className="briefing-list">
        {live.map((briefing) => {
          const state = ackState(briefing, acks, now);
          return (
            <li key={briefing.id}>
              <article className={`briefing briefing--${briefing.priority}`} aria-labelledby={`b-${briefing.id}`} data-testid="briefing">
                <h2 id={`b-${briefing.id}`}>{briefing.title}</h2>
                <p className="meta">
                  {briefing.author_name ?? 'Head office'} · {new Date(briefing.publish_at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}
                  {briefing.priority !== 'normal' ? ` · ${briefing.priority}` : ''}
                </p>
                <p className="body">{briefing.body}</p>
                {STATE_LABEL[state] ? <p className={`ack-state ack-state--${state}`}>{STATE_LABEL[state]}</p> : null}
                {state === 'needed' || state === 'overdue' ? (
                  <button type="button" className="primary" onClick={() => void acknowledge(briefing)}>
                    Read and understood
                  </button>
                ) : null}
              </article>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
