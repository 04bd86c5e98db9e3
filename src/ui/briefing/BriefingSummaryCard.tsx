import { memo, useMemo } from 'react';
import type { LocalBriefing } from '../../data/db';
import { type ContentLanguage, pickBriefingText } from '../../domain/briefing-language';
import type { AckState } from '../../domain/briefing-status';
import { markdownLines, parseMarkdown } from '../../domain/markdown';
import { useI18n } from '../i18n/I18nProvider';
import { chosenLanguage } from '../language-choice';
import { Link } from '../router/Link';
import { AckStateLine } from './AckStateLine';
import { PRIORITY_LABEL } from './briefing-words';
import { shiftText } from './shift-text';

export interface BriefingSummaryCardProps {
  briefing: LocalBriefing;
  state: AckState;
  /** The version this person acknowledged before the text changed, if any. */
  ackedVersion: number | null;
  /** `language`: the text the card showed, which the acknowledgement records. */
  onAcknowledge(briefing: LocalBriefing, language: ContentLanguage): void;
  /** The person acknowledged it a moment ago on this screen: say so where their eyes are. */
  justAcknowledged: boolean;
  /** The clock Today plans with (server-corrected), so "due today" agrees with the groups. */
  now: Date;
}

/**
 * One briefing in Today's list, at a glance: title, priority, due time and a
 * two-line preview in plain words. The whole card opens the briefing's own
 * address; a briefing to acknowledge can still be answered from here.
 */
export const BriefingSummaryCard = memo(function BriefingSummaryCard({
  briefing,
  state,
  ackedVersion,
  onAcknowledge,
  justAcknowledged,
  now,
}: BriefingSummaryCardProps) {
  const { t, date, locale } = useI18n();
  // The reader's language when this version has it, or what they switched this briefing to.
  const shown = pickBriefingText(briefing, locale, chosenLanguage(briefing.id));
  // Lines as read, run together: a heading and the paragraph under it must not fuse into one sentence.
  const preview = useMemo(
    () =>
      markdownLines(parseMarkdown(shown.body))
        .filter((line) => line !== '')
        .map((line) => line.replace(/^• /, ''))
        .join(' · '),
    [shown.body],
  );
  const priority = PRIORITY_LABEL[briefing.priority];
  const open = state === 'needed' || state === 'overdue';
  const shift = shiftText(date, briefing.shift_date, briefing.shift_start, briefing.shift_end);
  const showDue = briefing.requires_ack && briefing.ack_due_at && (open || state === 'rejected');
  // "Due today 1:30 PM" reads faster on the floor than a full date; other days keep theirs.
  const dueText = (due: string) =>
    date(due, 'date') === date(now, 'date') ? t('briefing.due.today', { time: date(due, 'time') }) : t('briefing.due', { when: date(due) });
  return (
    <article
      className={`briefing briefing--summary briefing--${briefing.priority}${state === 'overdue' ? ' briefing--overdue' : ''}`}
      aria-labelledby={`b-${briefing.id}`}
      data-testid="briefing"
    >
      <h3 id={`b-${briefing.id}`} lang={shown.language}>
        <Link to={`/briefings/${encodeURIComponent(briefing.id)}`}>{shown.title}</Link>
      </h3>
      <p className="meta">
        {priority ? <strong className={`chip priority priority--${briefing.priority}`}>{t(priority)}</strong> : null}
        {showDue ? <span className={`due${state === 'overdue' ? ' due--overdue' : ''}`}>{dueText(briefing.ack_due_at!)}</span> : null}
        {shift ? <span>{t('briefing.shift', { when: shift })}</span> : null}
        {!showDue && !shift ? <span>{date(briefing.publish_at)}</span> : null}
      </p>
      {preview ? (
        <p className="preview" lang={shown.language}>
          {preview}
        </p>
      ) : null}
      {open && ackedVersion !== null ? (
        <p className="asked-again" role="note">
          {t('briefing.changed.askAgain', { version: ackedVersion })}
        </p>
      ) : null}
      {/* A live region only for the card just answered, so a screen reader hears the confirmation once. "Please acknowledge"
          above the button that says "Read and understood" is read out, not shown twice. */}
      <AckStateLine state={state} announce={justAcknowledged} hidden={state === 'needed'} />
      {open ? (
        <button type="button" className="primary" onClick={() => onAcknowledge(briefing, shown.language)}>
          {t('briefing.acknowledge')}
        </button>
      ) : null}
    </article>
  );
});
