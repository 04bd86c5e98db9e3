import type { AckState } from '../../domain/briefing-status';
import { DeliveryNote } from '../DeliveryNote';
import { useT } from '../i18n/I18nProvider';
import type { PlainKey } from '../i18n/messages';

const OPEN_LABEL: Partial<Record<AckState, PlainKey>> = {
  rejected: 'briefing.state.rejected',
  needed: 'briefing.state.needed',
  overdue: 'briefing.state.overdue',
};

/**
 * What a card says about this person's acknowledgement: still to do, or done
 * and whether it has left the phone, in the app's one wording for that.
 * `announce` makes it a live region, for the card just answered.
 */
export function AckStateLine({ state, announce = false, hidden = false }: { state: AckState; announce?: boolean; hidden?: boolean }) {
  const t = useT();
  if (state === 'not_required') return null;
  const label = OPEN_LABEL[state];
  return (
    <p className={`ack-state ack-state--${state}${hidden ? ' visually-hidden' : ''}`} role={announce ? 'status' : undefined}>
      {label ? (
        t(label)
      ) : (
        <>
          {t('briefing.state.acknowledged')}
          {' · '}
          <DeliveryNote t={t} delivery={state === 'waiting' ? 'on_phone' : 'sent'} />
        </>
      )}
    </p>
  );
}
