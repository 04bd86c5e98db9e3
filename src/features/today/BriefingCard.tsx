import { memo } from 'react';
import type { LocalBriefing } from '../../data/db';
import type { AckState } from '../../domain/briefing-status';
import { useI18n } from '../../ui/i18n/I18nProvider';
import type { PlainKey } from '../../ui/i18n/messages';
import { Markdown } from '../../ui/Markdown';

const STATE_LABEL: Record<AckState, PlainKey | null> = {
  not_required: null,
  acknowledged: 'briefing.state.acknowledged',
  waiting: 'briefing.state.waiting',
  rejected: 'briefing.state.rejected',
  needed: 'briefing.state.needed',
  overdue: 'briefing.state.overdue',
};

const PRIORITY_LABEL: Record<LocalBriefing['priority'], PlainKey | null> = {
  normal: null,
  important: 'briefing.priority.important',
  critical: 'briefing.priority.critical',
};

export interface BriefingCardProps {
  briefing: LocalBriefing;
  state: AckState;
  onAcknowledge(briefing: LocalBriefing): void;
}

/** One briefing; memoised so a sync that changes other rows does not re-render it. */
export const BriefingCard = memo(function BriefingCard({ briefing, state, onAcknowledge }: BriefingCardProps) {
  const { t, date } = useI18n();
  const label = STATE_LABEL[state];
  const priority = PRIORITY_LABEL[briefing.priority];
  return (
    <article className={`briefing briefing--${briefing.priority}`} aria-labelledby={`b-${briefing.id}`} data-testid="briefing">
      <h2 id={`b-${briefing.id}`}>{briefing.title}</h2>
      <p className="meta">
        {briefing.author_name ?? t('briefing.headOffice')} · {date(briefing.publish_at)}
        {priority ? ` · ${t(priority)}` : ''}
      </p>
      <Markdown className="body" source={briefing.body} headingLevel={3} />
      {label ? <p className={`ack-state ack-state--${state}`}>{t(label)}</p> : null}
      {state === 'needed' || state === 'overdue' ? (
        <button type="button" className="primary" onClick={() => onAcknowledge(briefing)}>
          {t('briefing.acknowledge')}
        </button>
      ) : null}
    </article>
  );
});
