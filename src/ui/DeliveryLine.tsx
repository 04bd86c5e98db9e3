import { useLiveQuery } from 'dexie-react-hooks';
import { deliveryOf } from '../data/delivery';
import { DeliveryNote } from './DeliveryNote';
import { useT } from './i18n/I18nProvider';
import { useSession } from './session-context';

/** Where the item just sent stands, followed live: "Saved on this phone, will send" turns to "Sent" by itself once it leaves. */
export function DeliveryLine({ entryId }: { entryId: string }) {
  const { db } = useSession();
  const t = useT();
  const delivery = useLiveQuery(() => deliveryOf(db, entryId), [db, entryId]);
  return <p className="delivery-line">{delivery ? <DeliveryNote t={t} delivery={delivery} /> : null}</p>;
}
