/** Departments (#12, HR): each with its active people; add one, rename one in place. */
import { type FormEvent, useState } from 'react';
import type { AdminFailure } from '../../data/admin/outcome';
import { saveDepartment } from '../../data/admin/stores';
import type { AdminDepartment } from '../../data/supabase/types';
import { departmentProblem } from '../../domain/admin-forms';
import { ADMIN_LIMITS } from '../../domain/limits';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { useSession } from '../../ui/session-context';
import { AdminProblem } from './AdminProblem';
import { adminFailureText, fieldProblemText } from './admin-words';
import { Field } from './Field';
import { useDepartments } from './use-directory';
import './admin.css';

export function DepartmentsScreen() {
  const { t } = useI18n();
  const departments = useDepartments();
  return (
    <section className="admin" aria-labelledby="departments-heading">
      <h1 id="departments-heading">{t('admin.departments.title')}</h1>
      <p className="muted admin__online">{t('admin.online')}</p>
      <NameForm id="department-new" label={t('admin.departments.new')} action={t('admin.departments.add')} initial="" onSaved={departments.reload} />
      {departments.failure ? <AdminProblem failure={departments.failure} onRetry={departments.reload} /> : null}
      {!departments.data && departments.loading ? <p role="status">{t('admin.loading')}</p> : null}
      {departments.data?.length === 0 ? <p>{t('admin.departments.none')}</p> : null}
      <ul className="admin-cards admin-cards--always" data-testid="departments">
        {(departments.data ?? []).map((department) => (
          <DepartmentRow
            key={department.id}
            department={department}
            count={t('admin.activeCount', { count: department.active_people })}
            onSaved={departments.reload}
          />
        ))}
      </ul>
    </section>
  );
}

function DepartmentRow({ department, count, onSaved }: { department: AdminDepartment; count: string; onSaved(): void }) {
  const { t } = useI18n();
  const [renaming, setRenaming] = useState(false);
  return (
    <li className="admin-card">
      <p className="admin-card__title">
        <span>{department.name}</span>
        <span className="admin-card__count">{count}</span>
      </p>
      {renaming ? (
        <NameForm
          id={`department-${department.id}`}
          label={t('admin.departments.renameLabel', { name: department.name })}
          action={t('admin.save')}
          initial={department.name}
          departmentId={department.id}
          onSaved={() => {
            setRenaming(false);
            onSaved();
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <button type="button" onClick={() => setRenaming(true)}>
          {t('admin.departments.rename')}
          <span className="visually-hidden"> {department.name}</span>
        </button>
      )}
    </li>
  );
}

function NameForm(props: { id: string; label: string; action: string; initial: string; departmentId?: string; onSaved(): void; onCancel?(): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [name, setName] = useState(props.initial);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = departmentProblem(name);
    setError(problem ? fieldProblemText(t, problem) : undefined);
    setFailure(null);
    if (problem || busy) return;
    if (!api) {
      setFailure({ kind: 'offline' });
      return;
    }
    setBusy(true);
    const outcome = await saveDepartment(api, { id: props.departmentId ?? null, name });
    setBusy(false);
    if (!outcome.ok) {
      if (outcome.failure.kind === 'invalid') setError(adminFailureText(t, outcome.failure));
      else setFailure(outcome.failure);
      return;
    }
    if (!props.departmentId) setName('');
    props.onSaved();
  }

  return (
    <form className="admin-inline-form" noValidate onSubmit={(event) => void submit(event)}>
      <Field id={props.id} label={props.label} error={error}>
        {(field) => <input {...field} value={name} maxLength={ADMIN_LIMITS.departmentName} autoComplete="off" onChange={(e) => setName(e.target.value)} />}
      </Field>
      {failure ? <AdminProblem failure={failure} /> : null}
      <div className="admin-form__actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('admin.saving') : props.action}
        </button>
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            {t('admin.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
