import type { CachedComposeDirectory } from '../../data/db';
import { type Audience, reachOf } from '../../domain/reach';
import { useI18n } from '../../ui/i18n/I18nProvider';

/**
 * "Reaches 14 people at Downtown", counted on the phone from the cached
 * directory, so it works offline; with several stores, the total and each store.
 */
export function ReachLine({ directory, audience }: { directory: CachedComposeDirectory | null | undefined; audience: Audience }) {
  const { t, date } = useI18n();
  if (directory === undefined) return null;
  if (directory === null)
    return (
      <p className="reach-line reach-line--unknown" data-testid="reach">
        {t('compose.reach.unknown')}
      </p>
    );
  const { total, byStore } = reachOf(audience, directory.directory.reach);
  const names = new Map(directory.directory.stores.map((s) => [s.id, s.name]));
  const stores = [...byStore].map(([id, count]) => ({ id, name: names.get(id) ?? id, count })).sort((a, b) => a.name.localeCompare(b.name));
  const only = audience.store_ids.length === 1 ? audience.store_ids[0]! : null;
  const headline = only
    ? t('compose.reach.oneStore', { count: total, store: names.get(only) ?? only })
    : audience.store_ids.length === 0
      ? t('compose.reach.organisation', { count: total })
      : t('compose.reach.total', { count: total });
  return (
    <div className="reach-line" data-testid="reach" aria-live="polite">
      <p className="reach-line__headline">{headline}</p>
      {!only && stores.length > 1 ? (
        <ul className="reach-line__stores">
          {stores.map((s) => (
            <li key={s.id}>{t('compose.reach.store', { store: s.name, count: s.count })}</li>
          ))}
        </ul>
      ) : null}
      <p className="reach-line__as-of">{t('compose.reach.asOf', { when: date(directory.fetched_at) })}</p>
    </div>
  );
}
