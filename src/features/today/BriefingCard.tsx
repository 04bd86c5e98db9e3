import { memo } from 'react';
import type { LocalBriefing } from '../../data/db';
import type { AckState } from '../../domain/briefing-status';

const STATE_LABEL: Record<AckState, string> = {
  not_required: '',
  acknowledged: 'Acknowledged',
  waiting: 'Acknowledged · waiting to send',
  rejected: 'Not recorded: see problems',
  needed: 'Please acknowledge',
  overdue: 'Overdue: please acknowledge',
};

// One formatter for every card: building one per call is ~30x slower in Chromium.
const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export interface BriefingCardProps {
  briefing: LocalBriefing;
  state: AckState;
  onAcknowledge(briefing: LocalBriefing): void;
}

/** One briefing; memoised so a sync that changes other rows does not re-render it. */
export const BriefingCard = memo(function BriefingCard({ briefing, state, onAcknowledge }: BriefingCardProps) {
  return (
    <article className={`briefing briefing--${briefing.priority}`} aria-labelledby={`b-${briefing.id}`} data-testid="briefing">
      <h2 id={`b-${briefing.id}`}>{briefing.title}</h2>
      <p className="meta">
        {briefing.author_name ?? 'Head office'} · {WHEN.format(new Date(briefing.publish_at))}
        {briefing.priority !== 'normal' ? ` · ${briefing.priority}` : ''}
      </p>
      <p className="body">{briefing.body}</p>
      {STATE_LABEL[state] ? <p className={`ack-state ack-state--${state}`}>{STATE_LABEL[state]}</p> : null}
      {state === 'needed' || state === 'overdue' ? (
        <button type="button" className="primary" onClick={() => onAcknowledge(briefing)}>
          Read and understood
        </button>
      ) : null}
    </article>
  );
});
