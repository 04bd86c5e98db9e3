import { useT } from '../ui/i18n/I18nProvider';
import type { Screen } from './navigation';
import { SCREEN_LABEL } from './TabBar';

/** The places that did not fit on a manager's or HR's bar, as big rows. */
export function MoreScreen({ screens, onOpen }: { screens: Screen[]; onOpen: (screen: Screen) => void }) {
  const t = useT();
  return (
    <section aria-labelledby="more-heading">
      <h1 id="more-heading">{t('app.tab.more')}</h1>
      <ul className="more-list">
        {screens.map((screen) => (
          <li key={screen}>
            <button type="button" onClick={() => onOpen(screen)}>{t(SCREEN_LABEL[screen])}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
