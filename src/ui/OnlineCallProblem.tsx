import { useT } from './i18n/I18nProvider';
import type { Translate } from './i18n/messages';
import type { OnlineFailure } from './use-online-call';

/** An online-only call's failure in the person's language: one set of words for every screen. */
export function onlineFailureText(t: Translate, failure: OnlineFailure): string {
  switch (failure.kind) {
    case 'offline':
      return t('online.offline');
    case 'forbidden':
      return t('online.forbidden');
    case 'failed':
      return t('online.failed', { detail: failure.detail });
  }
}

/**
 * Why a part that needs the network shows nothing or did nothing: no
 * connection, not allowed, or failed; with a retry where trying again can
 * help (never for "not allowed").
 */
export function OnlineCallProblem({ failure, onRetry }: { failure: OnlineFailure; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="warning online-problem" role="alert" data-testid="online-problem">
      <p>{onlineFailureText(t, failure)}</p>
      {onRetry && failure.kind !== 'forbidden' ? (
        <button type="button" onClick={onRetry}>
          {t('online.retry')}
        </button>
      ) : null}
    </div>
  );
}
