/**
 * The wide layout's navigation (≥ 1024 px; below that the CSS hides it and the
 * bar and More serve): a skip link to the screen, then every place the
 * person's role may open, grouped, as real links with the current one marked,
 * the organisation above and the signed-in person below. Loaded after the
 * shell's first render with its words, so a phone's first download holds none of it.
 */
import type { MouseEvent } from 'react';
import { useT } from '../ui/i18n/I18nProvider';
import { registerMessages } from '../ui/i18n/i18n';
import sidenavMessages from '../ui/i18n/sections/sidenav';
import { usePath } from '../ui/router/history';
import { Link } from '../ui/router/Link';
import { useSession } from '../ui/session-context';
import { MANAGE_ICON_PATHS } from './manage-icons';
import { labelOf, route } from './navigation';
import { PlaceIcon } from './PlaceIcon';
import { SCREENS } from './screens';
import { currentPlace, sideNavFor } from './side-navigation';

registerMessages(sidenavMessages);

/** Where the skip link lands: the id of the shell's <main> (App.tsx). */
const MAIN_ID = 'main';

export function SideNav() {
  const t = useT();
  const { me } = useSession();
  const sections = sideNavFor(me?.role);
  const current = currentPlace(route(usePath())?.id, sections);
  // Focus moves without touching the address: a #fragment entry would carry no history state.
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(MAIN_ID)?.focus();
  };
  return (
    <>
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={skip}>
        {t('sidenav.skip')}
      </a>
      <nav className="sidenav" aria-label={t('app.nav')}>
        {me ? <p className="sidenav__org">{me.organization.name}</p> : null}
        {sections.map(({ group, screens }) => (
          <div key={group} className={`sidenav__group sidenav__group--${group}`}>
            {group === 'account' ? (
              me ? (
                <div className="sidenav__me">
                  <span className="sidenav__avatar" aria-hidden="true">
                    {initials(me.display_name)}
                  </span>
                  <span>
                    <span className="sidenav__name">{me.display_name}</span>
                    <span className="sidenav__role">{[t(`sidenav.role.${me.role}`), me.store?.name].filter(Boolean).join(' · ')}</span>
                  </span>
                </div>
              ) : null
            ) : (
              <p id={`sidenav-${group}`} className="sidenav__heading">
                {t(`sidenav.group.${group}`)}
              </p>
            )}
            {/* The account's list is named in words, its heading being the person. */}
            <ul
              aria-labelledby={group === 'account' ? undefined : `sidenav-${group}`}
              aria-label={group === 'account' ? t('sidenav.group.account') : undefined}
            >
              {screens.map((id) => (
                <li key={id}>
                  <Link to={SCREENS[id].path} tab current={id === current}>
                    <PlaceIcon id={id} paths={MANAGE_ICON_PATHS} />
                    {t(labelOf(id))}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
    </>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]!.toUpperCase())
    .join('');
}
