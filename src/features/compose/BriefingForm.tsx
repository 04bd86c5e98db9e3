import { type FormEvent, type ReactNode, useRef } from 'react';
import type { CachedComposeDirectory } from '../../data/db';
import type { BriefingDraft, BriefingKind, BriefingPriority, DraftField, DraftProblem, MemberRole } from '../../domain/briefing-draft';
import { useT } from '../../ui/i18n/I18nProvider';
import { CheckboxGroup, type Option, RadioGroup } from './choice-groups';
import { problemText } from './problem-text';
import { ReachLine } from './ReachLine';

export interface BriefingFormProps {
  draft: BriefingDraft;
  onChange(draft: BriefingDraft): void;
  /** Shown once the person asked for a preview, and kept current as they fix things. */
  problems: readonly DraftProblem[] | null;
  /** Checks the draft and shows the preview when it passes; answers what is wrong otherwise. */
  onPreview(): readonly DraftProblem[];
  onCancel(): void;
  editing: boolean;
  role: MemberRole;
  stores: readonly Option<string>[];
  directory: CachedComposeDirectory | null | undefined;
}

const FIELD_ID: Record<DraftField, string> = {
  title: 'compose-title',
  body: 'compose-body',
  stores: 'compose-stores',
  shift: 'compose-shift-date',
  ackDue: 'compose-due',
};

export function BriefingForm({ draft, onChange, problems, onPreview, onCancel, editing, role, stores, directory }: BriefingFormProps) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const set = <K extends keyof BriefingDraft>(key: K, value: BriefingDraft[K]) => onChange({ ...draft, [key]: value });
  const problemOf = (field: DraftField) => problems?.find((p) => p.field === field);
  const error = (field: DraftField) => {
    const found = problemOf(field);
    return found ? problemText(t, found.code) : undefined;
  };
  const shiftCode = problemOf('shift')?.code;

  function submit(event: FormEvent) {
    event.preventDefault();
    // A refused preview puts focus on the first field to fix (the summary above is announced too).
    const first = onPreview()[0];
    if (first) form.current?.querySelector<HTMLElement>(`#${FIELD_ID[first.field]}`)?.focus();
  }

  const kinds: Option<BriefingKind>[] = (['shift', 'news', 'policy'] as const).map((value) => ({ value, label: t(`compose.kind.${value}`) }));
  const priorities: Option<BriefingPriority>[] = (['normal', 'important', 'critical'] as const).map((value) => ({
    value,
    label: t(`compose.priority.${value}`),
  }));
  const roles: Option<MemberRole>[] = (directory?.directory.roles ?? ['staff', 'manager', 'hr', 'admin']).map((value) => ({
    value,
    label: t(`compose.role.${value}`),
  }));
  const departments: Option<string>[] = (directory?.directory.departments ?? []).map((d) => ({ value: d.id, label: d.name }));

  return (
    <form ref={form} className="compose-form" noValidate onSubmit={submit} aria-labelledby="compose-form-heading">
      <h2 id="compose-form-heading" tabIndex={-1}>
        {t(editing ? 'compose.form.editHeading' : 'compose.form.newHeading')}
      </h2>
      {editing ? <p className="field-hint">{t('compose.form.editNote')}</p> : null}
      {problems && problems.length > 0 ? (
        <p role="alert" className="error">
          {t('compose.form.fixFirst', { count: problems.length })}
        </p>
      ) : null}

      {role !== 'manager' ? (
        <RadioGroup id="compose-kind" legend={t('compose.form.kind')} options={kinds} value={draft.kind} onChange={(v) => set('kind', v)} />
      ) : null}

      <TextField id={FIELD_ID.title} label={t('compose.form.titleLabel')} error={error('title')}>
        {(props) => <input {...props} type="text" value={draft.title} onChange={(e) => set('title', e.target.value)} autoComplete="off" />}
      </TextField>
      <TextField id={FIELD_ID.body} label={t('compose.form.body')} hint={t('compose.form.bodyHint')} error={error('body')}>
        {(props) => <textarea {...props} rows={7} value={draft.body} onChange={(e) => set('body', e.target.value)} />}
      </TextField>

      <RadioGroup id="compose-priority" legend={t('compose.form.priority')} options={priorities} value={draft.priority} onChange={(v) => set('priority', v)} />

      {stores.length > 0 ? (
        <CheckboxGroup
          id={FIELD_ID.stores}
          legend={t('compose.form.stores')}
          options={stores}
          values={draft.storeIds}
          hint={t(role === 'manager' ? 'compose.form.storesHintManager' : 'compose.form.storesHintAll')}
          error={error('stores')}
          onChange={(v) => set('storeIds', v)}
        />
      ) : (
        <fieldset className="choice compose-group" id={FIELD_ID.stores} tabIndex={-1}>
          <legend>{t('compose.form.stores')}</legend>
          <p className="field-hint">{t('compose.form.noStores')}</p>
          {error('stores') ? <p className="field-error">{error('stores')}</p> : null}
        </fieldset>
      )}
      {departments.length > 0 ? (
        <CheckboxGroup
          id="compose-departments"
          legend={t('compose.form.departments')}
          hint={t('compose.form.departmentsHint')}
          options={departments}
          values={draft.departmentIds}
          onChange={(v) => set('departmentIds', v)}
        />
      ) : null}
      <CheckboxGroup
        id="compose-roles"
        legend={t('compose.form.roles')}
        hint={t('compose.form.rolesHint')}
        options={roles}
        values={draft.roles}
        onChange={(v) => set('roles', v)}
      />

      {/* A manager's briefing with no store goes nowhere: the store hint says so, a count would mislead. */}
      {role !== 'manager' || draft.storeIds.length > 0 ? (
        <ReachLine directory={directory} audience={{ store_ids: draft.storeIds, department_ids: draft.departmentIds, roles: draft.roles }} />
      ) : null}

      <fieldset className="choice compose-group" aria-describedby={error('shift') ? 'compose-shift-error' : undefined}>
        <legend>{t('compose.form.shift')}</legend>
        {error('shift') ? (
          <p id="compose-shift-error" className="field-error">
            {error('shift')}
          </p>
        ) : null}
        <div className="compose-shift">
          <div className="compose-shift__date">
            <label htmlFor={FIELD_ID.shift}>{t('compose.form.shiftDate')}</label>
            <input
              id={FIELD_ID.shift}
              type="date"
              value={draft.shiftDate}
              aria-invalid={shiftCode === 'shift_time_needs_date' ? true : undefined}
              onChange={(e) => set('shiftDate', e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="compose-shift-start">{t('compose.form.shiftStart')}</label>
            <input id="compose-shift-start" type="time" value={draft.shiftStart} onChange={(e) => set('shiftStart', e.target.value)} />
          </div>
          <div>
            <label htmlFor="compose-shift-end">{t('compose.form.shiftEnd')}</label>
            <input
              id="compose-shift-end"
              type="time"
              value={draft.shiftEnd}
              aria-invalid={shiftCode === 'shift_end_before_start' ? true : undefined}
              onChange={(e) => set('shiftEnd', e.target.value)}
            />
          </div>
        </div>
      </fieldset>

      <label className="choice__option compose-ack">
        <input type="checkbox" checked={draft.requiresAck} onChange={(e) => set('requiresAck', e.target.checked)} />
        {t('compose.form.requiresAck')}
      </label>
      {draft.requiresAck ? (
        <TextField id={FIELD_ID.ackDue} label={t('compose.form.ackDue')} hint={t('compose.form.ackDueHint')} error={error('ackDue')}>
          {(props) => <input {...props} type="datetime-local" value={draft.ackDue} onChange={(e) => set('ackDue', e.target.value)} />}
        </TextField>
      ) : null}

      <div className="compose-actions">
        <button type="submit" className="primary">
          {t('compose.form.preview')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('compose.form.cancel')}
        </button>
      </div>
    </form>
  );
}

interface FieldProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** A label, the control, its hint and its error, wired together for screen readers. */
function TextField({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children(props: FieldProps): ReactNode }) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="compose-field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': error ? true : undefined })}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
