/** Message keys for the words the server sends as codes. */
import type { FeedbackInboxItem } from '../../data/supabase/types';
import type { PlainKey } from '../../ui/i18n/messages';

export const KIND_LABEL = {
  suggestion: 'voice.kind.suggestion',
  question: 'voice.kind.question',
  concern: 'voice.kind.concern',
  praise: 'voice.kind.praise',
} as const satisfies Record<FeedbackInboxItem['kind'], PlainKey>;

export const STATUS_LABEL = {
  open: 'voice.status.open',
  answered: 'voice.status.answered',
  closed: 'voice.status.closed',
} as const satisfies Record<FeedbackInboxItem['status'], PlainKey>;

export const RECIPIENT_LABEL = {
  store: 'voice.to.store',
  head_office: 'voice.to.head_office',
} as const satisfies Record<FeedbackInboxItem['recipient'], PlainKey>;
