import { useEffect, useRef } from 'react';
import { useT } from '../i18n/I18nProvider';
import './push.css';

/** Safari on iPhone/iPad has no install prompt: the steps, as a sheet from the bottom of the screen. */
export function InstallSheet({ onClose }: { onClose(): void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="install-sheet" aria-labelledby="install-sheet-heading" onClose={onClose}>
      <h2 id="install-sheet-heading">{t('push.sheet.title')}</h2>
      <p>{t('push.sheet.why')}</p>
      <ol>
        <li>{t('push.sheet.step1')}</li>
        <li>{t('push.sheet.step2')}</li>
        <li>{t('push.sheet.step3')}</li>
      </ol>
      <button type="button" className="primary" onClick={() => dialog.current?.close()}>
        {t('push.sheet.close')}
      </button>
    </dialog>
  );
}
