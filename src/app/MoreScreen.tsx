import { useT } from '../ui/i18n/I18nProvider';
import { registerMessages } from '../ui/i18n/i18n';
import sidenavMessages from '../ui/i18n/sections/sidenav';
import { go } from '../ui/router/history';
import { useSession } from '../ui/session-context';
import { MANAGE_ICON_PATHS } from './manage-icons';
import { labelOf, moreFor } from './navigation';
import { PlaceIcon } from './PlaceIcon';
import { SCREENS } from './screens';
import { sideNavFor } from './side-navigation';

registerMessages(sidenavMessages);

/**
 * Everything that did not fit on a manager's or HR's bar, grouped as the side
 * navigation groups it (their own day first: Values and Learn; then running the
 * team; then their account), as big rows with icons. Each opens above More, so
 * back returns here.
 */
export function MoreScreen() {
  const t = useT();
  const { me } = useSession();
  const here = new Set(moreFor(me?.role));
  const sections = sideNavFor(me?.role)
    .map(({ group, screens }) => ({ group, screens: screens.filter((id) => here.has(id)) }))
    .filter(({ screens }) => screens.length > 0);
  return (
    <section aria-labelledby="more-heading">
      <h1 id="more-heading">{t('app.tab.more')}</h1>
      {sections.map(({ group, screens }) => (
        <section key={group} className="more-group" aria-labelledby={`more-${group}`}>
          <h2 id={`more-${group}`}>{t(`sidenav.group.${group}`)}</h2>
          <ul className="more-list">
            {screens.map((id) => (
              <li key={id}>
                <button type="button" onClick={() => go(SCREENS[id].path)}>
                  <PlaceIcon id={id} paths={MANAGE_ICON_PATHS} />
                  <span>{t(labelOf(id))}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
