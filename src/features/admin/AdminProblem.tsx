import type { AdminFailure } from '../../data/admin/outcome';
import { useT } from '../../ui/i18n/I18nProvider';
import { adminFailureText } from './admin-words';

/** A failed admin call in words, announced; a retry where trying again can help. */
export function AdminProblem({ failure, onRetry, id }: { failure: AdminFailure; onRetry?: () => void; id?: string }) {
  const t = useT();
  return (
    <div className="warning online-problem" role="alert" id={id} data-testid="admin-problem">
      <p>{adminFailureText(t, failure)}</p>
      {onRetry && failure.kind !== 'forbidden' && failure.kind !== 'invalid' ? (
        <button type="button" onClick={onRetry}>
          {t('online.retry')}
        </button>
      ) : null}
    </div>
  );
}
