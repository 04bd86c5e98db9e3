import { useState } from 'react';
import { useT } from '../ui/i18n/I18nProvider';
import './pwa.css';

/** What "send and reload" managed: 0 unsent means it reloads; otherwise the person chooses. */
export interface SendOutcome {
  unsent: number;
}

export interface UpdatePromptProps {
  /** Outbox items not yet sent; they are sent before the reload. */
  waitingItems: number;
  /** Tries to send the outbox; reloads into the new version only when nothing is left unsent. */
  onReload: () => Promise<SendOutcome>;
  /** Reloads into the new version with items still waiting (they stay on the phone and go after). */
  onReloadAnyway: () => Promise<void> | void;
}

type PromptState = { kind: 'asking' } | { kind: 'busy' } | { kind: 'unsent'; count: number } | { kind: 'failed' };

/**
 * "New version available": shown while a new service worker waits; never reloads on its own.
 * When the waiting items cannot be sent (no server), it says so instead of reloading, and the
 * person chooses: reload anyway (the items stay on the phone) or later.
 */
export function UpdatePrompt({ waitingItems, onReload, onReloadAnyway }: UpdatePromptProps) {
  const t = useT();
  const [state, setState] = useState<PromptState>({ kind: 'asking' });
  const sendsFirst = waitingItems > 0;
  const busy = state.kind === 'busy';

  async function attempt(action: UpdatePromptProps['onReload'] | UpdatePromptProps['onReloadAnyway']) {
    setState({ kind: 'busy' });
    try {
      const outcome = await action();
      setState(outcome && outcome.unsent > 0 ? { kind: 'unsent', count: outcome.unsent } : { kind: 'asking' });
    } catch {
      setState({ kind: 'failed' });
    }
  }

  if (state.kind === 'unsent') {
    return (
      <div className="update-prompt" role="alert">
        <p className="update-prompt__text">
          <strong>{t('update.notSent', { count: state.count })}</strong> {t('update.notSentChoice')}
        </p>
        <button type="button" className="update-prompt__button" onClick={() => void attempt(onReloadAnyway)}>
          {t('update.reloadAnyway')}
        </button>
        <button type="button" className="update-prompt__button update-prompt__button--quiet" onClick={() => setState({ kind: 'asking' })}>
          {t('update.later')}
        </button>
      </div>
    );
  }

  return (
    <div className="update-prompt" role="status" aria-live="polite">
      <p className="update-prompt__text">
        <strong>{t('update.title')}</strong>{' '}
        {state.kind === 'failed' ? t('update.failed') : sendsFirst ? t('update.sendsFirst', { count: waitingItems }) : t('update.reloadHint')}
      </p>
      <button type="button" className="update-prompt__button" onClick={() => void attempt(onReload)} disabled={busy} aria-busy={busy}>
        {busy ? (sendsFirst ? t('update.sending') : t('update.reloading')) : sendsFirst ? t('update.sendAndReload') : t('update.reload')}
      </button>
    </div>
  );
}
