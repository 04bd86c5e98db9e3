import { useT } from '../ui/i18n/I18nProvider';
import { openTab } from '../ui/router/history';
import { labelOf } from './navigation';
import { SCREENS, type ScreenId } from './screens';

/** The bottom bar: one large button per place, the current one marked for screen readers too. */
export function TabBar({ tabs, current }: { tabs: ScreenId[]; current: ScreenId }) {
  const t = useT();
  return (
    <nav className="tabbar" aria-label={t('app.nav')}>
      {tabs.map((id) => (
        <button key={id} type="button" aria-current={current === id ? 'page' : undefined} onClick={() => openTab(SCREENS[id].path)}>
          {t(labelOf(id))}
        </button>
      ))}
    </nav>
  );
}
