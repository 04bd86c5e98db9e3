/**
 * One person's form (#12): create at /people/new, edit at /people/:id, and
 * deactivate or reactivate with a reason after saying what that does. Every
 * save is one online call; offline, nothing is queued and the screen says so.
 */
import { type FormEvent, useRef, useState } from 'react';
import type { AdminFailure } from '../../data/admin/outcome';
import { personById, savePerson } from '../../data/admin/people';
import type { AdminPerson } from '../../data/supabase/types';
import { type PersonDraft, personProblems } from '../../domain/admin-forms';
import { ADMIN_LIMITS } from '../../domain/limits';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { back, go } from '../../ui/router/history';
import type { Params } from '../../ui/router/match';
import { useSession } from '../../ui/session-context';
import { ActivationCodeSection, mayIssueCode } from './ActivationCodeSection';
import { ActiveSection } from './ActiveSection';
import { AdminProblem } from './AdminProblem';
import { adminFailureText, fieldProblemText, PERSON_FIELD_OF, ROLE_WORDS } from './admin-words';
import { Field } from './Field';
import { isHeadOffice, rolesOffered } from './people-query';
import { markCreated, rememberedPerson, rememberPeople, takeCreated } from './person-cache';
import { type PersonValues, personInput, personValues } from './person-form';
import { useAdminLoad } from './use-admin';
import { useDepartments, useStores } from './use-directory';
import './admin.css';

export function PersonScreen({ params }: { params: Params }) {
  const { api } = useSession();
  const { t } = useI18n();
  const id = params.id ?? null;
  const cached = id ? rememberedPerson(id) : undefined;
  // Opened from a link, a bookmark or after a reload: loaded by id (admin_person, with admin_people's scope).
  const found = useAdminLoad<AdminPerson>(id && !cached ? api : null, id ?? '', (online, signal) => personById(online, id ?? '', signal));
  const person = cached ?? found.data ?? null;

  return (
    <section className="admin admin--form" aria-labelledby="person-heading">
      <button type="button" className="link-button" onClick={() => back('/people')}>
        ← {t('admin.back.people')}
      </button>
      {id === null ? (
        <PersonForm key="new" person={null} />
      ) : person ? (
        <PersonForm key={person.id} person={person} />
      ) : (
        <>
          <h1 id="person-heading">{t('admin.people.title')}</h1>
          {found.failure && !notManaged(found.failure) ? <AdminProblem failure={found.failure} onRetry={found.reload} /> : null}
          <p role="status">{found.failure ? (notManaged(found.failure) ? t('admin.person.notFound') : null) : t('admin.loading')}</p>
        </>
      )}
    </section>
  );
}

/** An unknown id and one outside the caller's scope get the same answer from the server. */
const notManaged = (failure: AdminFailure) => failure.kind === 'forbidden' && failure.code === 'person_not_managed';

type FieldName = keyof PersonValues;

function PersonForm({ person: initial }: { person: AdminPerson | null }) {
  const { api, me } = useSession();
  const { t } = useI18n();
  const stores = useStores();
  const departments = useDepartments();
  const headOffice = isHeadOffice(me?.role);
  const [person, setPerson] = useState(initial);
  const [values, setValues] = useState<PersonValues>(() =>
    personValues(initial, { storeId: headOffice ? undefined : me?.managed_store_ids[0], locale: me?.locale }),
  );
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(() => initial !== null && takeCreated(initial.id));
  const formRef = useRef<HTMLFormElement>(null);

  const set = (patch: Partial<PersonValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setSaved(false);
  };
  const roles = rolesOffered(me?.role);
  const isSelf = person !== null && person.id === me?.member_id;

  function focusFirstError(fields: Partial<Record<FieldName, string>>) {
    const first = (Object.keys(fields) as FieldName[])[0];
    if (first) requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`#person-${first}`)?.focus());
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setFailure(null);
    setSaved(false);
    const draft: PersonDraft = { displayName: values.displayName, employeeId: values.employeeId, email: values.email, phone: values.phone };
    const problems = personProblems(draft);
    const fieldErrors: Partial<Record<FieldName, string>> = {};
    for (const [field, problem] of Object.entries(problems)) fieldErrors[field as FieldName] = fieldProblemText(t, problem);
    setErrors(fieldErrors);
    if (Object.keys(fieldErrors).length > 0) {
      focusFirstError(fieldErrors);
      return;
    }
    if (!api) {
      setFailure({ kind: 'offline' });
      return;
    }
    const input = personInput(values, person, headOffice);
    if (person && Object.keys(input).length === 1) {
      setSaved(true);
      return;
    }
    setSaving(true);
    const outcome = await savePerson(api, input);
    setSaving(false);
    if (!outcome.ok) {
      const field = outcome.failure.kind === 'invalid' ? (PERSON_FIELD_OF[outcome.failure.code] as FieldName | undefined) : undefined;
      if (field) {
        const next = { [field]: adminFailureText(t, outcome.failure) };
        setErrors(next);
        focusFirstError(next);
      } else setFailure(outcome.failure);
      return;
    }
    rememberPeople([outcome.data]);
    setPerson(outcome.data);
    setValues(personValues(outcome.data));
    setSaved(true);
    if (!person) markCreated(outcome.data.id);
    if (!person) go(`/people/${outcome.data.id}`, { replace: true, note: outcome.data.employee_id ?? outcome.data.display_name });
  }

  const storeChoices = stores.data ?? [];
  return (
    <>
      <h1 id="person-heading">{person ? t('admin.person.editTitle', { name: person.display_name }) : t('admin.person.newTitle')}</h1>
      <p className="muted admin__online">{t('admin.online')}</p>
      <form ref={formRef} className="admin-form" noValidate onSubmit={(event) => void save(event)} aria-describedby={failure ? 'person-failure' : undefined}>
        <div className="admin-form__grid">
          <Field id="person-displayName" label={t('admin.field.displayName')} error={errors.displayName}>
            {(props) => (
              <input
                {...props}
                value={values.displayName}
                maxLength={ADMIN_LIMITS.personName}
                autoComplete="off"
                required
                onChange={(e) => set({ displayName: e.target.value })}
              />
            )}
          </Field>
          <Field id="person-employeeId" label={t('admin.field.employeeId')} hint={t('admin.field.employeeIdHint')} error={errors.employeeId}>
            {(props) => (
              <input
                {...props}
                value={values.employeeId}
                maxLength={ADMIN_LIMITS.employeeId}
                autoComplete="off"
                required
                onChange={(e) => set({ employeeId: e.target.value })}
              />
            )}
          </Field>
          <Field id="person-email" label={t('admin.field.email')} error={errors.email}>
            {(props) => (
              <input
                {...props}
                type="email"
                value={values.email}
                maxLength={ADMIN_LIMITS.email}
                autoComplete="off"
                onChange={(e) => set({ email: e.target.value })}
              />
            )}
          </Field>
          <Field id="person-phone" label={t('admin.field.phone')} hint={t('admin.field.phoneHint')} error={errors.phone}>
            {(props) => (
              <input
                {...props}
                type="tel"
                value={values.phone}
                maxLength={ADMIN_LIMITS.phone}
                autoComplete="off"
                onChange={(e) => set({ phone: e.target.value })}
              />
            )}
          </Field>
          <Field id="person-storeId" label={t('admin.field.store')} error={errors.storeId}>
            {(props) => (
              <select {...props} value={values.storeId} onChange={(e) => set({ storeId: e.target.value })}>
                {headOffice ? <option value="">{t('admin.noStore')}</option> : null}
                {/* A store not among the choices (not loaded yet) still shows as chosen. */}
                {values.storeId && !storeChoices.some((s) => s.id === values.storeId) ? (
                  <option value={values.storeId}>{person?.store_name ?? '…'}</option>
                ) : null}
                {storeChoices.map((store) => (
                  <option key={store.id} value={store.id}>
                    {store.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="person-departmentId" label={t('admin.field.department')} error={errors.departmentId}>
            {(props) => (
              <select {...props} value={values.departmentId} onChange={(e) => set({ departmentId: e.target.value })}>
                <option value="">{t('admin.noDepartment')}</option>
                {values.departmentId && !(departments.data ?? []).some((d) => d.id === values.departmentId) ? (
                  <option value={values.departmentId}>{person?.department_name ?? '…'}</option>
                ) : null}
                {(departments.data ?? []).map((department) => (
                  <option key={department.id} value={department.id}>
                    {department.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="person-role" label={t('admin.field.role')} error={errors.role}>
            {(props) => (
              <select {...props} value={values.role} disabled={isSelf} onChange={(e) => set({ role: e.target.value as PersonValues['role'] })}>
                {(roles.includes(values.role) ? roles : [values.role, ...roles]).map((role) => (
                  <option key={role} value={role}>
                    {t(ROLE_WORDS[role])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="person-locale" label={t('admin.field.locale')} error={errors.locale}>
            {(props) => (
              <select {...props} value={values.locale} onChange={(e) => set({ locale: e.target.value as PersonValues['locale'] })}>
                <option value="en">{t('admin.locale.en')}</option>
                <option value="es">{t('admin.locale.es')}</option>
              </select>
            )}
          </Field>
        </div>
        {headOffice && values.role === 'manager' ? (
          <fieldset className="admin-form__stores">
            <legend>{t('admin.field.managedStores')}</legend>
            {storeChoices.map((store) => (
              <label key={store.id} className="admin-check">
                <input
                  type="checkbox"
                  checked={values.managedStoreIds.includes(store.id)}
                  onChange={(e) =>
                    set({ managedStoreIds: e.target.checked ? [...values.managedStoreIds, store.id] : values.managedStoreIds.filter((s) => s !== store.id) })
                  }
                />
                {store.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        {failure ? <AdminProblem id="person-failure" failure={failure} /> : null}
        <div className="admin-form__actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('admin.saving') : t('admin.save')}
          </button>
        </div>
        <p role="status" className="admin__saved" data-testid="person-saved">
          {saved ? t('admin.saved') : ''}
        </p>
      </form>
      {person && mayIssueCode(me?.role, me?.member_id, person) ? <ActivationCodeSection key={`${person.id}|${person.active}`} person={person} /> : null}
      {person && !isSelf ? (
        <ActiveSection
          person={person}
          onChange={(p) => {
            rememberPeople([p]);
            setPerson(p);
          }}
        />
      ) : null}
    </>
  );
}
