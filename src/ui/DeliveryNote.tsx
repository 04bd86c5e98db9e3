import type { ReactNode } from 'react';
import type { Delivery } from '../data/delivery';
import type { PlainKey, Translate } from './i18n/messages';

const WORDS: Record<Delivery, PlainKey> = {
  on_phone: 'delivery.onPhone',
  sent: 'delivery.sent',
  refused: 'delivery.refused',
};

/**
 * The one wording and look, on every screen, for whether an action has left
 * the phone: "Saved on this phone, will send", "Sent", or "Not sent". A shape
 * and a word, never colour alone. `children` words it more precisely
 * ("Sent (version 2)") with the same look. It takes its caller's `t`
 * rather than the i18n hook: with that import, Rolldown split the whole i18n
 * core out of the entry chunk (+1.3 KB gzip in the first download), since Today
 * and the lazy screens both use this component.
 */
export function DeliveryNote({ delivery, children, t }: { delivery: Delivery; children?: ReactNode; t: Translate }) {
  return (
    <span className={`delivery delivery--${delivery}`} data-delivery={delivery}>
      <DeliveryIcon delivery={delivery} />
      {children ?? t(WORDS[delivery])}
    </span>
  );
}

function DeliveryIcon({ delivery }: { delivery: Delivery }) {
  return (
    <svg className="delivery__icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      {delivery === 'sent' ? (
        <path d="M4 10.5 8 14.5 16 5.5" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
      ) : delivery === 'on_phone' ? (
        <>
          <rect x="5" y="1.5" width="10" height="17" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M10 6v4.5l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </>
      ) : (
        <>
          <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M10 5.5v5.5M10 13.6v.4" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}
