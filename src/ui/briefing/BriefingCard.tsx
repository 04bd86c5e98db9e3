import { memo } from 'react';
import type { LocalBriefing } from '../../data/db';
import { changedTexts } from '../../domain/briefing-changes';
import { type ContentLanguage, pickBriefingText } from '../../domain/briefing-language';
import type { AckState } from '../../domain/briefing-status';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../LanguageSwitch';
import { useLanguageChoice } from '../language-choice';
import { Markdown } from '../Markdown';
import { AckStateLine } from './AckStateLine';
import { PRIORITY_LABEL } from './briefing-words';
import { shiftText } from './shift-text';
import { WhatChanged } from './WhatChanged';

export interface BriefingCardProps {
  briefing: LocalBriefing;
  state: AckState;
  /** The version this person acknowledged before the text changed, if any. */
  ackedVersion: number | null;
  /** Absent in a preview: the button shows, as staff will see it, but does nothing. */
  /** `language`: the text on screen, which the acknowledgement records. */
  onAcknowledge?(briefing: LocalBriefing, language: ContentLanguage): void;
}

/** One briefing in full as staff see it (its own screen, and the compose preview); memoised so a sync that changes other rows does not re-render it. */
export const BriefingCard = memo(function BriefingCard({ briefing, state, ackedVersion, onAcknowledge }: BriefingCardProps) {
  const { t, date, locale } = useI18n();
  const [choice, choose] = useLanguageChoice(briefing.id);
  const shown = pickBriefingText(briefing, locale, choice);
  const priority = PRIORITY_LABEL[briefing.priority];
  const open = state === 'needed' || state === 'overdue';
  const askedAgain = open && ackedVersion !== null;
  const shift = shiftText(date, briefing.shift_date, briefing.shift_start, briefing.shift_end);
  return (
    <article
      className={`briefing briefing--${briefing.priority}${state === 'overdue' ? ' briefing--overdue' : ''}`}
      aria-labelledby={`b-${briefing.id}`}
      data-testid="briefing"
    >
      <h3 id={`b-${briefing.id}`} lang={shown.language}>
        {shown.title}
      </h3>
      <p className="meta">
        {briefing.author_name ?? t('briefing.headOffice')} · {date(briefing.publish_at)}
        {priority ? (
          <>
            {' '}
            · <strong className={`priority priority--${briefing.priority}`}>{t(priority)}</strong>
          </>
        ) : null}
      </p>
      {shift ? <p className="meta">{t('briefing.shift', { when: shift })}</p> : null}
      <LanguageSwitch shown={shown} onChoose={choose} />
      {briefing.requires_ack && briefing.ack_due_at && (open || state === 'rejected') ? (
        <p className={`due${state === 'overdue' ? ' due--overdue' : ''}`}>{t('briefing.due', { when: date(briefing.ack_due_at) })}</p>
      ) : null}
      {askedAgain ? (
        <p className="asked-again" role="note">
          {t('briefing.changed.askAgain', { version: ackedVersion })}
        </p>
      ) : null}
      {briefing.previous ? <WhatChanged version={briefing.version} {...changedTexts(briefing, briefing.previous, shown)} open={askedAgain} /> : null}
      <div lang={shown.language}>
        <Markdown className="body" source={shown.body} headingLevel={4} />
      </div>
      <AckStateLine state={state} />
      {open ? (
        <button type="button" className="primary" disabled={!onAcknowledge} onClick={() => onAcknowledge?.(briefing, shown.language)}>
          {t('briefing.acknowledge')}
        </button>
      ) : null}
    </article>
  );
});
