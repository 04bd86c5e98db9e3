/**
 * Deactivating or reactivating a person (#12): first what it does (sessions end,
 * the phone is wiped at its next sync, acknowledgements stay), then an optional
 * reason for the admin log, then one online call.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { AdminFailure } from '../../data/admin/outcome';
import { setPersonActive } from '../../data/admin/people';
import type { AdminPerson } from '../../data/supabase/types';
import { reasonProblem } from '../../domain/admin-forms';
import { ADMIN_LIMITS } from '../../domain/limits';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { useSession } from '../../ui/session-context';
import { AdminProblem } from './AdminProblem';
import { fieldProblemText } from './admin-words';
import { Field } from './Field';

export function ActiveSection({ person, onChange }: { person: AdminPerson; onChange(person: AdminPerson): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const [done, setDone] = useState('');
  const confirmRef = useRef<HTMLDivElement>(null);
  const name = person.display_name;
  const deactivating = person.active;

  useEffect(() => {
    if (asking) confirmRef.current?.querySelector<HTMLElement>('textarea')?.focus();
  }, [asking]);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    const problem = reasonProblem(reason);
    setError(problem ? fieldProblemText(t, problem) : undefined);
    if (problem || busy) return;
    if (!api) {
      setFailure({ kind: 'offline' });
      return;
    }
    setBusy(true);
    setFailure(null);
    const outcome = await setPersonActive(api, person.id, !deactivating, reason);
    setBusy(false);
    if (!outcome.ok) {
      setFailure(outcome.failure);
      return;
    }
    setAsking(false);
    setReason('');
    setDone(t(outcome.data.active ? 'admin.person.reactivated' : 'admin.person.deactivated', { name }));
    onChange(outcome.data);
  }

  return (
    <section className="panel admin-active" aria-labelledby="active-heading">
      <h2 id="active-heading">{t('admin.person.activeTitle')}</h2>
      <p data-testid="person-active">{person.active ? t('admin.person.isActive') : t('admin.person.isInactive')}</p>
      {asking ? (
        <div ref={confirmRef}>
          <form onSubmit={(event) => void confirm(event)} noValidate>
            <p className="admin-active__what">{t(deactivating ? 'admin.person.deactivateWhat' : 'admin.person.reactivateWhat', { name })}</p>
            <Field id="active-reason" label={t('admin.field.reason')} error={error}>
              {(props) => <textarea {...props} rows={2} value={reason} maxLength={ADMIN_LIMITS.activeReason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
            {failure ? <AdminProblem failure={failure} /> : null}
            <div className="admin-form__actions">
              <button type="submit" className={deactivating ? 'danger' : 'primary'} disabled={busy}>
                {t(deactivating ? 'admin.person.confirmDeactivate' : 'admin.person.confirmReactivate', { name })}
              </button>
              <button
                type="button"
                onClick={() => {
                  setAsking(false);
                  setFailure(null);
                }}
              >
                {t('admin.cancel')}
              </button>
            </div>
          </form>
        </div>
      ) : (
        <button
          type="button"
          className={deactivating ? 'danger' : ''}
          onClick={() => {
            setAsking(true);
            setDone('');
          }}
        >
          {t(deactivating ? 'admin.person.deactivate' : 'admin.person.reactivate')}
        </button>
      )}
      <p role="status" data-testid="person-active-done">
        {done}
      </p>
    </section>
  );
}
