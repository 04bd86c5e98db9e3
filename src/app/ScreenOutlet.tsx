/**
 * The router: the address picks an entry of the table of screens; the entry's
 * component and its message section load together (the section is registered
 * before the component's first render, so no raw keys); an address this
 * person may not open, or that leads nowhere, says so in words.
 */
import { type LazyExoticComponent, lazy, Suspense } from 'react';
import { useT } from '../ui/i18n/I18nProvider';
import { registerMessages } from '../ui/i18n/i18n';
import type { Params } from '../ui/router/match';
import { Unavailable } from '../ui/Unavailable';
import { access, route } from './navigation';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { ScreenFailed } from './ScreenFailed';
import { type Role, SCREENS, type ScreenComponent, type ScreenEntry, type ScreenId } from './screens';

const loaded = new Map<ScreenId, LazyExoticComponent<ScreenComponent>>();

function componentOf(id: ScreenId): ScreenComponent {
  const entry: ScreenEntry = SCREENS[id];
  if (entry.component) return entry.component;
  let component = loaded.get(id);
  if (!component) {
    const { load, messages } = entry;
    component = lazy(async () => {
      const [screen, section] = await Promise.all([load(), messages?.()]);
      if (section) registerMessages(section.default);
      return { default: screen };
    });
    loaded.set(id, component);
  }
  return component;
}

/** The screen at this path for this role (undefined before the first sync). */
export function ScreenOutlet({ path, role }: { path: string; role: Role | undefined }) {
  const t = useT();
  const found = route(path);
  if (!found) return <Unavailable reason="unknown" />;
  const allowed = access(found.id, role);
  if (allowed === 'forbidden') return <Unavailable reason="forbidden" />;
  if (allowed === 'unknown')
    return (
      <p className="muted" role="status">
        {t('app.unavailable.waiting.body')}
      </p>
    );
  return (
    <ScreenErrorBoundary key={found.id} fallback={(retry, error) => <ScreenFailed error={error} onRetry={retry} />}>
      <Suspense fallback={<p className="muted">{'…'}</p>}>
        <Screen id={found.id} params={found.params} />
      </Suspense>
    </ScreenErrorBoundary>
  );
}

function Screen({ id, params }: { id: ScreenId; params: Params }) {
  const Component = componentOf(id);
  return <Component params={params} />;
}
