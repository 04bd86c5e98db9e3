import { useT } from '../ui/i18n/I18nProvider';

/** Said in place of a screen that could not load, usually because it was never opened online on this phone. */
export function ScreenFailed({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  return (
    <section role="alert">
      <h1>{t('app.screenFailed.title')}</h1>
      <p>{t('app.screenFailed.body')}</p>
      <button type="button" className="primary" onClick={onRetry}>{t('app.screenFailed.retry')}</button>
    </section>
  );
}
