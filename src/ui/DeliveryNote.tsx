import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { type Delivery, deliveryOf } from '../data/outbox';
import { useT } from './i18n/I18nProvider';
import type { PlainKey } from './i18n/messages';
import { useSession } from './session-context';

const WORDS: Record<Delivery, PlainKey> = {
  on_phone: 'delivery.onPhone',
  sent: 'delivery.sent',
  refused: 'delivery.refused',
};

/**
 * The one wording and look, on every screen, for whether an action has left
 * the phone: "Saved on this phone, will send", "Sent", or "Not sent". A shape
 * and a word, never colour alone. `children` words it more precisely
 * ("Sent (version 2)") with the same look.
 */
export function DeliveryNote({ delivery, children }: { delivery: Delivery; children?: ReactNode }) {
  const t = useT();
  return (
    <span className={`delivery delivery--${delivery}`} data-delivery={delivery}>
      <DeliveryIcon delivery={delivery} />
      {children ?? t(WORDS[delivery])}
    </span>
  );
}

/** Follows one outbox entry (a command's result id) until the server confirms it: the note changes by itself when it leaves. */
export function useDelivery(entryId: string | null): Delivery | undefined {
  const { db } = useSession();
  return useLiveQuery(() => (entryId ? deliveryOf(db, entryId) : undefined), [db, entryId]);
}

/** The live note for one action just taken: said once to a screen reader, updated in place when it is sent. */
export function LiveDelivery({ entryId }: { entryId: string }) {
  const delivery = useDelivery(entryId);
  return <p className="delivery-line">{delivery ? <DeliveryNote delivery={delivery} /> : null}</p>;
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
