import { useT } from '../../ui/i18n/I18nProvider';
import type { OnlineFailure } from '../../ui/use-online-call';

/** Why an online-only part of the Voice tab shows nothing, in words, with a retry where one can help. */
export function OnlineProblem({ failure, onRetry }: { failure: OnlineFailure; onRetry?: () => void }) {
  const t = useT();
  const text = failure.kind === 'offline' ? t('voice.offline') : failure.kind === 'forbidden' ? t('voice.forbidden') : t('voice.failed', { detail: failure.detail });
  return (
    <div className="warning voice-problem" role="alert">
      <p>{text}</p>
      {onRetry && failure.kind !== 'forbidden' ? <button type="button" onClick={onRetry}>{t('voice.retry')}</button> : null}
    </div>
  );
}
