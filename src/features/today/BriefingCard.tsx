import { memo } from 'react';
import type { LocalBriefing } from '../../data/db';
import type { AckState } from '../../domain/briefing-status';
import { useI18n } from '../../ui/i18n/I18nProvider';
import type { PlainKey } from '../../ui/i18n/messages';
import { Markdown } from '../../ui/Markdown';
import { WhatChanged } from './WhatChanged';

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
  /** The version this person acknowledged before the text changed, if any. */
  ackedVersion: number | null;
  onAcknowledge(briefing: LocalBriefing): void;
}

/** One briefing; memoised so a sync that changes other rows does not re-render it. */
export const BriefingCard = memo(function BriefingCard({ briefing, state, ackedVersion, onAcknowledge }: BriefingCardProps) {
  const { t, date } = useI18n();
  const label = STATE_LABEL[state];
  const priority = PRIORITY_LABEL[briefing.priority];
  const open = state === 'needed' || state === 'overdue';
  const askedAgain = open && ackedVersion !== null;
  return (
    <article className={`briefing briefing--${briefing.priority}${state === 'overdue' ? ' briefing--overdue' : ''}`} aria-labelledby={`b-${briefing.id}`} data-testid="briefing">
      <h3 id={`b-${briefing.id}`}>{briefing.title}</h3>
      <p className="meta">
        {briefing.author_name ?? t('briefing.headOffice')} · {date(briefing.publish_at)}
        {priority ? <> · <strong className={`priority priority--${briefing.priority}`}>{t(priority)}</strong></> : null}
      </p>
      {briefing.shift_date ? <p className="meta">{t('briefing.shift', { when: shiftText(briefing, date) })}</p> : null}
      {briefing.requires_ack && briefing.ack_due_at && (open || state === 'rejected') ? (
        <p className={`due${state === 'overdue' ? ' due--overdue' : ''}`}>{t('briefing.due', { when: date(briefing.ack_due_at) })}</p>
      ) : null}
      {askedAgain ? <p className="asked-again" role="note">{t('briefing.changed.askAgain', { version: ackedVersion })}</p> : null}
      {briefing.previous ? <WhatChanged briefing={briefing} previous={briefing.previous} open={askedAgain} /> : null}
      <Markdown className="body" source={briefing.body} headingLevel={4} />
      {label ? <p className={`ack-state ack-state--${state}`}>{t(label)}</p> : null}
      {open ? (
        <button type="button" className="primary" onClick={() => onAcknowledge(briefing)}>
          {t('briefing.acknowledge')}
        </button>
      ) : null}
    </article>
  );
});

function shiftText(briefing: LocalBriefing, date: (value: string, style: 'date') => string): string {
  const day = date(`${briefing.shift_date}T12:00:00`, 'date');
  const start = briefing.shift_start?.slice(0, 5);
  const end = briefing.shift_end?.slice(0, 5);
  if (start && end) return `${day}, ${start}–${end}`;
  return start ? `${day}, ${start}` : day;
}
