import { useState } from 'react';
import './pwa.css';

export interface UpdatePromptProps {
  /** Outbox items not yet sent; they are sent before the reload. */
  waitingItems: number;
  /** Flushes the outbox, then applies the update (pwa.ts applyUpdate). */
  onReload: () => Promise<void> | void;
}

/** "New version available": shown while a new service worker waits; never reloads on its own. */
export function UpdatePrompt({ waitingItems, onReload }: UpdatePromptProps) {
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

  const items = `${waitingItems} waiting ${waitingItems === 1 ? 'item' : 'items'}`;
  return (
    <div className="update-prompt" role="status" aria-live="polite">
      <p className="update-prompt__text">
        <strong>New version available.</strong>{' '}
        {failed
          ? 'Could not update yet. Nothing was lost; try again when you are online.'
          : sendsFirst
            ? `Your ${items} will be sent first.`
            : 'Reload to start using it.'}
      </p>
      <button type="button" className="update-prompt__button" onClick={() => void reload()} disabled={busy} aria-busy={busy}>
        {busy ? (sendsFirst ? 'Sending…' : 'Reloading…') : sendsFirst ? 'Send and reload' : 'Reload'}
      </button>
    </div>
  );
}
