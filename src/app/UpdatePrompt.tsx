import { useState } from 'react';
import { useT } from '../ui/i18n/I18nProvider';
import './pwa.css';

export interface UpdatePromptProps {
  /** Outbox items not yet sent; they are sent before the reload. */
  waitingItems: number;
  /** Flushes the outbox, then applies the update (pwa.ts applyUpdate). */
  onReload: () => Promise<void> | void;
}

/** "New version available": shown while a new service worker waits; never reloads on its own. */
export function UpdatePrompt({ waitingItems, onReload }: UpdatePromptProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const sendsFirst = waitingItems > 0;

  async function reload() {
    setBusy(true);
    setFailed(false);
    try {
      await onReload();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="update-prompt" role="status" aria-live="polite">
      <p className="update-prompt__text">
        <strong>{t('update.title')}</strong>{' '}
        {failed ? t('update.failed') : sendsFirst ? t('update.sendsFirst', { count: waitingItems }) : t('update.reloadHint')}
      </p>
      <button type="button" className="update-prompt__button" onClick={() => void reload()} disabled={busy} aria-busy={busy}>
        {busy ? (sendsFirst ? t('update.sending') : t('update.reloading')) : sendsFirst ? t('update.sendAndReload') : t('update.reload')}
      </button>
    </div>
  );
}
