import { useT } from '../ui/i18n/I18nProvider';
import { go } from '../ui/router/history';
import { useSession } from '../ui/session-context';
import { labelOf, moreFor } from './navigation';
import { SCREENS } from './screens';

/** The places that did not fit on a manager's or HR's bar, as big rows; each opens above More, so back returns here. */
export function MoreScreen() {
  const t = useT();
  const { me } = useSession();
  return (
    <section aria-labelledby="more-heading">
      <h1 id="more-heading">{t('app.tab.more')}</h1>
      <ul className="more-list">
        {moreFor(me?.role).map((id) => (
          <li key={id}>
            <button type="button" onClick={() => go(SCREENS[id].path)}>
              {t(labelOf(id))}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
