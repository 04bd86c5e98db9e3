import type { LocalBriefing } from '../../data/db';
import type { PlainKey } from '../i18n/messages';

export const PRIORITY_LABEL: Record<LocalBriefing['priority'], PlainKey | null> = {
  normal: null,
  important: 'briefing.priority.important',
  critical: 'briefing.priority.critical',
};
