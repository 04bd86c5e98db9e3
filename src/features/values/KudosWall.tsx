import { useLiveQuery } from 'dexie-react-hooks';
import type { ValueCard } from '../../data/supabase/types';
import { kudosOnWall, type WallKudos } from '../../data/values/queries';
import { receivedBy } from '../../domain/kudos';
import { DeliveryNote } from '../../ui/DeliveryNote';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { useSession } from '../../ui/session-context';
import { refusalText } from './problem-text';
import { valueTitle } from './value-title';

/** "Kudos you received" and the store's wall, newest first, from the phone's copy; kudos from this phone show whether they went. */
export function KudosWall({ justSent }: { justSent: boolean }) {
  const { db, me } = useSession();
  const { t } = useI18n();
  const kudos = useLiveQuery(() => kudosOnWall(db), [db]);
  const cards = useLiveQuery(() => db.valueCards.toArray(), [db]);
  if (!kudos) return null;
  const values = new Map((cards ?? []).map((card) => [card.id, card]));
  const received = me ? receivedBy(kudos, me.member_id) : [];
  return (
    <div className="kudos-wall">
      {justSent ? (
        <p className="values-notice" role="status">
          {t('values.give.saved')}
        </p>
      ) : null}
      <section aria-labelledby="kudos-received-heading" data-testid="kudos-received">
        <h3 id="kudos-received-heading">{t('values.wall.received')}</h3>
        {received.length === 0 ? <p className="muted">{t('values.wall.receivedEmpty')}</p> : <KudosList kudos={received} values={values} />}
      </section>
      <section aria-labelledby="kudos-wall-heading" data-testid="kudos-wall">
        <h3 id="kudos-wall-heading">{me?.store ? t('values.wall.store', { store: me.store.name }) : t('values.wall.mine')}</h3>
        {kudos.length === 0 ? <p className="muted">{t('values.wall.empty')}</p> : <KudosList kudos={kudos} values={values} />}
      </section>
    </div>
  );
}

function KudosList({ kudos, values }: { kudos: readonly WallKudos[]; values: ReadonlyMap<string, ValueCard> }) {
  return (
    <ul className="kudos-list">
      {kudos.map((k) => (
        <li key={k.id}>
          <KudosItem kudos={k} value={k.value_card_id ? values.get(k.value_card_id) : undefined} />
        </li>
      ))}
    </ul>
  );
}

/** `value`: the phone's copy of the card thanked for, so its name reads in this person's language (the kudos keeps the name it was sent with). */
function KudosItem({ kudos, value }: { kudos: WallKudos; value: ValueCard | undefined }) {
  const { t, date, locale } = useI18n();
  const state = kudos.local_state;
  return (
    <article className={`kudos${state ? ` kudos--${state}` : ''}`} data-testid="kudos">
      <p className="kudos__people">
        <span data-testid="kudos-from">{kudos.from_name}</span>{' '}
        <svg className="kudos__arrow" role="img" aria-label={t('values.wall.to')} viewBox="0 0 16 16" width="16" height="16">
          <path d="M2 8h10M8 3.5 12.5 8 8 12.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>{' '}
        <span data-testid="kudos-to">{kudos.to_name}</span>
      </p>
      {kudos.value_title ? (
        <p className="kudos__value" data-testid="kudos-value">
          {t('values.wall.value', { title: value ? valueTitle(value, locale) : kudos.value_title })}
        </p>
      ) : null}
      <p className="kudos__message" data-testid="kudos-message">
        {kudos.message}
      </p>
      <p className="kudos__meta">
        <time dateTime={kudos.created_at}>{date(kudos.created_at)}</time>
      </p>
      {state === 'pending' ? (
        <p className="kudos__state" data-testid="kudos-state">
          <DeliveryNote t={t} delivery="on_phone" />
        </p>
      ) : null}
      {state === 'rejected' ? (
        <p className="kudos__state kudos__state--rejected" data-testid="kudos-state">
          {t('values.wall.rejected', { reason: refusalText(t, kudos.rejection) })}
        </p>
      ) : null}
    </article>
  );
}
