import { useId } from 'react';
import { useT } from '../../ui/i18n/I18nProvider';
import { useComposeDirectory } from '../../ui/use-compose-directory';

export interface Audience {
  store_ids: string[];
  department_ids: string[];
  roles: string[];
}

const ROLES = ['staff', 'manager', 'hr', 'admin'] as const;

/** Who a lesson is for: stores, departments and roles from the compose directory on this phone; none ticked = everyone. */
export function AudiencePicker({
  audience,
  onChange,
  headingLevel = 2,
  everyone = true,
}: {
  audience: Audience;
  onChange(audience: Audience): void;
  headingLevel?: 2 | 4;
  /** Whether none ticked means everyone (a manager's requirement must name stores). */
  everyone?: boolean;
}) {
  const t = useT();
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h4';
  const cached = useComposeDirectory();
  const directory = cached?.directory;
  const roleLabel = {
    staff: t('learn.editor.role.staff'),
    manager: t('learn.editor.role.manager'),
    hr: t('learn.editor.role.hr'),
    admin: t('learn.editor.role.admin'),
  };
  return (
    <section className="editor-section" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('learn.editor.audience')}</Heading>
      {everyone ? <p className="field-hint">{t('learn.editor.noneTicked')}</p> : null}
      {directory ? (
        <>
          <Checks
            legend={t('learn.editor.stores')}
            options={directory.stores.map((s) => ({ value: s.id, label: s.name }))}
            values={audience.store_ids}
            onChange={(store_ids) => onChange({ ...audience, store_ids })}
          />
          <Checks
            legend={t('learn.editor.departments')}
            options={directory.departments.map((d) => ({ value: d.id, label: d.name }))}
            values={audience.department_ids}
            onChange={(department_ids) => onChange({ ...audience, department_ids })}
          />
        </>
      ) : cached === null ? (
        <p className="muted">{t('learn.editor.noDirectory')}</p>
      ) : null}
      <Checks
        legend={t('learn.editor.roles')}
        options={ROLES.map((role) => ({ value: role, label: roleLabel[role] }))}
        values={audience.roles}
        onChange={(roles) => onChange({ ...audience, roles })}
      />
    </section>
  );
}

function Checks({
  legend,
  options,
  values,
  onChange,
}: {
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  values: readonly string[];
  onChange(values: string[]): void;
}) {
  return (
    <fieldset className="choice editor-group">
      <legend>{legend}</legend>
      <div className="choice__options">
        {options.map((option) => (
          <label key={option.value} className="choice__option">
            <input
              type="checkbox"
              checked={values.includes(option.value)}
              onChange={(e) => onChange(e.target.checked ? [...values, option.value] : values.filter((v) => v !== option.value))}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
