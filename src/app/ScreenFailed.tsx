import { useEffect, useState } from 'react';
import { useT } from '../ui/i18n/I18nProvider';
import { applyUpdate } from './pwa';
import { diagnoseScreenFailure, type ScreenFailure } from './screen-failure';

/**
 * Said in place of a screen that could not load: usually it was never opened online on this
 * phone; in an old tab after a deploy, its files are gone and the app needs updating.
 */
export function ScreenFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  const [failure, setFailure] = useState<ScreenFailure>('offline');
  useEffect(() => {
    let current = true;
    void diagnoseScreenFailure(error, navigator.onLine, (url, init) => fetch(url, init)).then((found) => {
      if (current) setFailure(found);
    });
    return () => {
      current = false;
    };
  }, [error]);

  if (failure === 'outdated') {
    return (
      <section role="alert">
        <h1>{t('app.screenOutdated.title')}</h1>
        <p>{t('app.screenOutdated.body')}</p>
        <button type="button" className="primary" onClick={() => void updateNow(onRetry)}>
          {t('app.screenOutdated.update')}
        </button>
      </section>
    );
  }
  return (
    <section role="alert">
      <h1>{t('app.screenFailed.title')}</h1>
      <p>{t('app.screenFailed.body')}</p>
      <button type="button" className="primary" onClick={onRetry}>
        {t('app.screenFailed.retry')}
      </button>
    </section>
  );
}

/** A waiting new version takes over (and reloads); without one, a reload fetches the new build. */
async function updateNow(reload: () => void): Promise<void> {
  const registration = await navigator.serviceWorker?.getRegistration();
  if (registration?.waiting) await applyUpdate();
  else reload();
}
