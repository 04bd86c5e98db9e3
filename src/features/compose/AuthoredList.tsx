import { useEffect, useRef, useState } from 'react';
import type { AuthoredBriefing } from '../../data/compose/queries';
import type { LocalBriefing } from '../../data/db';
import type { SendState } from '../../domain/send-state';
import { shiftText } from '../../ui/briefing/shift-text';
import { DeliveryNote } from '../../ui/DeliveryNote';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { useMinuteClock } from '../../ui/use-minute-clock';

export interface AuthoredListProps {
  rows: readonly AuthoredBriefing[] | undefined;
  onReach(briefing: LocalBriefing): void;
  onEdit(briefing: LocalBriefing): void;
  onRetract(briefing: LocalBriefing): void;
}

function SendStateText({ state }: { state: SendState }) {
  const { t } = useI18n();
  switch (state.kind) {
    case 'will_send':
      return <DeliveryNote t={t} delivery="on_phone" />;
    case 'sent':
      return (
        <DeliveryNote t={t} delivery="sent">
          {t('compose.state.sent', { version: state.version })}
        </DeliveryNote>
      );
    case 'rejected':
      return (
        <DeliveryNote t={t} delivery="refused">
          {t('compose.state.rejected', { reason: state.message || state.code })}
        </DeliveryNote>
      );
  }
}

/** The briefings this person wrote, newest problems first, each with what can be done to it. */
export function AuthoredList({ rows, onReach, onEdit, onRetract }: AuthoredListProps) {
  const { t } = useI18n();
  if (!rows) return <p className="muted">{t('compose.list.loading')}</p>;
  if (rows.length === 0) return <p className="empty">{t('compose.list.empty')}</p>;
  return (
    <ul className="briefing-list">
      {rows.map((row) => (
        <li key={row.briefing.id}>
          <AuthoredCard row={row} onReach={onReach} onEdit={onEdit} onRetract={onRetract} />
        </li>
      ))}
    </ul>
  );
}

function AuthoredCard({ row: { briefing, state }, onReach, onEdit, onRetract }: { row: AuthoredBriefing } & Omit<AuthoredListProps, 'rows'>) {
  const { t, date } = useI18n();
  const now = useMinuteClock();
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  const shift = shiftText(date, briefing.shift_date, briefing.shift_start, briefing.shift_end);
  const titleId = `authored-${briefing.id}`;
  return (
    <article className={`briefing briefing--${briefing.priority}`} aria-labelledby={titleId} data-testid="authored-briefing">
      <h3 id={titleId} className="briefing__title">
        {briefing.title}
      </h3>
      <p className={`send-state send-state--${state.kind}`} data-testid="send-state">
        <SendStateText state={state} />
      </p>
      {Date.parse(briefing.publish_at) > now.getTime() ? (
        <p className="compose-scheduled" data-testid="scheduled">
          {t('compose.meta.scheduled', { when: date(briefing.publish_at) })}
        </p>
      ) : null}
      <p className="meta">{t('compose.meta.updated', { when: date(briefing.updated_at) })}</p>
      {shift ? <p className="meta">{t('compose.meta.shift', { when: shift })}</p> : null}
      {briefing.requires_ack && briefing.ack_due_at ? <p className="meta">{t('compose.meta.due', { when: date(briefing.ack_due_at) })}</p> : null}
      {confirming ? (
        <fieldset className="bare warning compose-confirm" aria-labelledby={`${titleId}-confirm`}>
          <p id={`${titleId}-confirm`}>{t('compose.retract.confirm', { title: briefing.title })}</p>
          <div className="compose-actions">
            <button type="button" className="danger" onClick={() => onRetract(briefing)}>
              {t('compose.retract.yes')}
            </button>
            <button type="button" ref={keep} onClick={() => setConfirming(false)}>
              {t('compose.retract.no')}
            </button>
          </div>
        </fieldset>
      ) : (
        <div className="compose-actions compose-actions--card">
          {state.kind === 'sent' ? (
            <button type="button" className="compose-actions__wide" onClick={() => onReach(briefing)}>
              {t('compose.action.reach')}
            </button>
          ) : null}
          <button type="button" onClick={() => onEdit(briefing)}>
            {t('compose.action.edit')}
          </button>
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t('compose.action.retract')}
          </button>
        </div>
      )}
    </article>
  );
}
