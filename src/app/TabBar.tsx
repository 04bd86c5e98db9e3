import { useT } from '../ui/i18n/I18nProvider';
import type { Screen } from './navigation';

export const SCREEN_LABEL = {
  today: 'app.tab.today',
  values: 'app.tab.values',
  learn: 'app.tab.learn',
  voice: 'app.tab.voice',
  briefings: 'app.tab.briefings',
  insights: 'app.tab.insights',
  account: 'app.tab.account',
  more: 'app.tab.more',
} as const satisfies Record<Screen, string>;

/** The bottom bar: one large button per place, the current one marked for screen readers too. */
export function TabBar({ tabs, current, onChange }: { tabs: Screen[]; current: Screen; onChange: (screen: Screen) => void }) {
  const t = useT();
  return (
    <nav className="tabbar" aria-label={t('app.nav')}>
      {tabs.map((name) => (
        <button key={name} type="button" aria-current={current === name ? 'page' : undefined} onClick={() => onChange(name)}>
          {t(SCREEN_LABEL[name])}
        </button>
      ))}
    </nav>
  );
}
