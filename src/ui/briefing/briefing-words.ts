import type { LocalBriefing } from '../../data/db';
import type { AckState } from '../../domain/briefing-status';
import type { PlainKey } from '../i18n/messages';

/** What a card says about this person's acknowledgement, the same on Today and on the briefing's own screen. */
export const ACK_STATE_LABEL: Record<AckState, PlainKey | null> = {
  not_required: null,
  acknowledged: 'briefing.state.acknowledged',
  waiting: 'briefing.state.waiting',
  rejected: 'briefing.state.rejected',
  needed: 'briefing.state.needed',
  overdue: 'briefing.state.overdue',
};

export const PRIORITY_LABEL: Record<LocalBriefing['priority'], PlainKey | null> = {
  normal: null,
  important: 'briefing.priority.important',
  critical: 'briefing.priority.critical',
};
