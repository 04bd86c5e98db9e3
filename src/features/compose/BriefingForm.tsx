import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import type { CachedComposeDirectory, LocalBriefing } from '../../data/db';
import {
  type BriefingDraft,
  type BriefingKind,
  type BriefingPriority,
  type DraftField,
  type DraftProblem,
  hasTranslation,
  type MemberRole,
} from '../../domain/briefing-draft';
import { draftFromTemplate, repeatDraft, TEMPLATES } from '../../domain/briefing-start';
import { dueChoices, publishChoices, type TimingContext } from '../../domain/briefing-timing';
import { otherLanguage } from '../../domain/content-language';
import { shiftText } from '../../ui/briefing/shift-text';
import { Fold } from '../../ui/Fold';
import { useI18n, useT } from '../../ui/i18n/I18nProvider';
import { CheckboxGroup, type Option, RadioGroup } from './choice-groups';
import { FormatBar, useFormatting } from './FormatBar';
import { problemText } from './problem-text';
import { ReachLine } from './ReachLine';
import { TimeChoices, WhenWords } from './TimeChoices';

export interface BriefingFormProps {
  draft: BriefingDraft;
  onChange(draft: BriefingDraft): void;
  /** Shown once the person asked for a preview or to send, and kept current as they fix things. */
  problems: readonly DraftProblem[] | null;
  /** Checks the draft and shows the preview when it passes; answers what is wrong otherwise. */
  onPreview(): readonly DraftProblem[];
  /** Checks the draft and sends it when it passes; answers what is wrong otherwise. */
  onSend(): Promise<readonly DraftProblem[]>;
  onCancel(): void;
  editing: boolean;
  sending: boolean;
  sendError: string | null;
  role: MemberRole;
  managedStoreIds: readonly string[];
  /** The stores this person may address (a manager: only theirs). */
  stores: readonly Option<string>[];
  /** False for a manager: no store ticked is not allowed, so it is never offered. */
  wholeOrganisation: boolean;
  roles: readonly MemberRole[];
  directory: CachedComposeDirectory | null | undefined;
  /** This person's past briefings, newest first, to repeat (new briefings only). */
  past: readonly LocalBriefing[];
  /** The server's time as this phone counts it: the one-tap times start from it. */
  now(): Date;
}

const FIELD_ID: Record<DraftField, string> = {
  title: 'compose-title',
  body: 'compose-body',
  stores: 'compose-stores',
  shift: 'compose-shift-date',
  ackDue: 'compose-due',
  publishAt: 'compose-publish',
  translationTitle: 'compose-translation-title',
  translationBody: 'compose-translation-body',
};

export function BriefingForm(props: BriefingFormProps) {
  const { draft, onChange, problems, onPreview, onSend, onCancel, editing, sending, sendError, role, stores, directory } = props;
  const { t, date } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const set = <K extends keyof BriefingDraft>(key: K, value: BriefingDraft[K]) => onChange({ ...draft, [key]: value });
  const formatting = useFormatting(body, draft.body, (text) => set('body', text));
  const problemOf = (field: DraftField) => problems?.find((p) => p.field === field);
  const error = (field: DraftField) => {
    const found = problemOf(field);
    return found ? problemText(t, found.code) : undefined;
  };
  const shiftCode = problemOf('shift')?.code;
  // The audience opens by itself when something in it needs fixing.
  const [audienceOpen, setAudienceOpen] = useState(false);
  // Priority and shift: set by a template or left as they are most of the time, so folded into a line too.
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [scheduling, setScheduling] = useState(draft.publishAt !== '');
  // The version in the other language: optional, so folded away unless the briefing has one.
  const [translationOpen, setTranslationOpen] = useState(() => hasTranslation(draft));
  const other = otherLanguage(draft.language);

  const focusFirst = (found: readonly DraftProblem[]) => {
    const first = found[0];
    if (!first) return;
    if (first.field === 'stores') setAudienceOpen(true);
    if (first.field === 'shift') setDetailsOpen(true);
    if (first.field.startsWith('translation')) setTranslationOpen(true);
    // After the audience has opened, so its group exists to take focus.
    window.requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(`#${FIELD_ID[first.field]}`)?.focus());
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    // A refused preview puts focus on the first field to fix (the summary above is announced too).
    focusFirst(onPreview());
  }

  const kinds: Option<BriefingKind>[] = (['shift', 'news', 'policy'] as const).map((value) => ({ value, label: t(`compose.kind.${value}`) }));
  const priorities: Option<BriefingPriority>[] = (['normal', 'important', 'critical'] as const).map((value) => ({
    value,
    label: t(`compose.priority.${value}`),
  }));
  const roles: Option<MemberRole>[] = props.roles.map((value) => ({ value, label: t(`compose.role.${value}`) }));
  const departments: Option<string>[] = (directory?.directory.departments ?? []).map((d) => ({ value: d.id, label: d.name }));
  const audience = audienceSummary(t, draft, stores, departments, roles, props.wholeOrganisation);
  const shift = shiftText(date, draft.shiftDate || null, draft.shiftStart || null, draft.shiftEnd || null);
  const details = `${t(`compose.priority.${draft.priority}`)} · ${shift ? t('compose.details.shift', { when: shift }) : t('compose.details.noShift')}`;
  // The form's date-times are in the phone's time zone (datetime-local); so are the choices.
  const timing: TimingContext = { now: props.now(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };

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

      {editing ? null : (
        <StartFrom
          past={props.past}
          onTemplate={(template) =>
            onChange(
              draftFromTemplate(draft, template, {
                title: t(`compose.template.${template.id}.title`),
                body: t(`compose.template.${template.id}.body`),
              }),
            )
          }
          onRepeat={(past) => onChange(repeatDraft(past, role, props.managedStoreIds))}
        />
      )}

      {role !== 'manager' ? (
        <RadioGroup id="compose-kind" legend={t('compose.form.kind')} options={kinds} value={draft.kind} onChange={(v) => set('kind', v)} />
      ) : null}

      <TextField id={FIELD_ID.title} label={t('compose.form.titleLabel')} error={error('title')}>
        {(field) => <input {...field} type="text" value={draft.title} onChange={(e) => set('title', e.target.value)} autoComplete="off" />}
      </TextField>
      <TextField
        id={FIELD_ID.body}
        label={t('compose.form.body')}
        hint={t('compose.form.bodyHint')}
        error={error('body')}
        above={<FormatBar bodyId={FIELD_ID.body} formatting={formatting} />}
      >
        {(field) => (
          <textarea {...field} ref={body} rows={7} value={draft.body} onChange={(e) => set('body', e.target.value)} onKeyDown={formatting.onKeyDown} />
        )}
      </TextField>

      <Fold
        id="compose-translation"
        label={t('compose.translation.heading')}
        line={t(hasTranslation(draft) ? `compose.translation.added.${other}` : `compose.translation.add.${other}`)}
        open={translationOpen}
        onToggle={setTranslationOpen}
        problem={error('translationTitle') ?? error('translationBody')}
      >
        <p className="field-hint">{t('compose.translation.hint')}</p>
        <TextField id={FIELD_ID.translationTitle} label={t(`compose.translation.title.${other}`)} error={error('translationTitle')}>
          {(field) => (
            <input
              {...field}
              type="text"
              lang={other}
              value={draft.translationTitle}
              onChange={(e) => set('translationTitle', e.target.value)}
              autoComplete="off"
            />
          )}
        </TextField>
        <TextField id={FIELD_ID.translationBody} label={t(`compose.translation.body.${other}`)} error={error('translationBody')}>
          {(field) => <textarea {...field} rows={5} lang={other} value={draft.translationBody} onChange={(e) => set('translationBody', e.target.value)} />}
        </TextField>
      </Fold>

      <Fold
        id="compose-audience-choices"
        label={t('compose.audience.heading')}
        line={audience}
        open={audienceOpen}
        onToggle={setAudienceOpen}
        problem={error('stores')}
        after={
          // A manager's briefing with no store goes nowhere: the store hint says so, a count would mislead.
          role !== 'manager' || draft.storeIds.length > 0 ? (
            <ReachLine directory={directory} audience={{ store_ids: draft.storeIds, department_ids: draft.departmentIds, roles: draft.roles }} />
          ) : null
        }
      >
        {stores.length > 0 ? (
          <CheckboxGroup
            id={FIELD_ID.stores}
            legend={t('compose.form.stores')}
            options={stores}
            values={draft.storeIds}
            hint={t(props.wholeOrganisation ? 'compose.form.storesHintAll' : 'compose.form.storesHintManager')}
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
      </Fold>

      <label className="choice__option compose-ack">
        <input type="checkbox" checked={draft.requiresAck} onChange={(e) => set('requiresAck', e.target.checked)} />
        {t('compose.form.requiresAck')}
      </label>
      {draft.requiresAck ? (
        <TextField
          id={FIELD_ID.ackDue}
          label={t('compose.form.ackDue')}
          hint={t('compose.form.ackDueHint')}
          error={error('ackDue')}
          above={
            <TimeChoices
              legend={t('compose.timing.dueChoices')}
              choices={dueChoices(timing, draft)}
              value={draft.ackDue}
              label={(id) => t(`compose.timing.${id}`)}
              onPick={(at) => set('ackDue', at)}
              testId="due-choices"
            />
          }
          below={
            <WhenWords
              value={draft.ackDue}
              context={timing}
              words={{
                today: (time) => t('compose.timing.dueToday', { time }),
                tomorrow: (time) => t('compose.timing.dueTomorrow', { time }),
                other: (date, time) => t('compose.timing.dueOn', { date, time }),
              }}
              testId="due-words"
            />
          }
        >
          {(field) => <input {...field} type="datetime-local" value={draft.ackDue} onChange={(e) => set('ackDue', e.target.value)} />}
        </TextField>
      ) : null}

      <label className="choice__option compose-ack">
        <input
          type="checkbox"
          checked={scheduling}
          onChange={(e) => {
            setScheduling(e.target.checked);
            // Unticked: it goes out as soon as it is sent, whatever was typed.
            if (!e.target.checked) set('publishAt', '');
          }}
        />
        {t('compose.schedule.later')}
      </label>
      {scheduling ? (
        <TextField
          id={FIELD_ID.publishAt}
          label={t('compose.schedule.at')}
          hint={t('compose.schedule.hint')}
          error={error('publishAt')}
          above={
            <TimeChoices
              legend={t('compose.timing.publishChoices')}
              choices={publishChoices(timing, draft)}
              value={draft.publishAt}
              label={(id) => t(`compose.timing.${id}`)}
              onPick={(at) => set('publishAt', at)}
              testId="publish-choices"
            />
          }
          below={
            <WhenWords
              value={draft.publishAt}
              context={timing}
              words={{
                today: (time) => t('compose.timing.publishToday', { time }),
                tomorrow: (time) => t('compose.timing.publishTomorrow', { time }),
                other: (date, time) => t('compose.timing.publishOn', { date, time }),
              }}
              testId="publish-words"
            />
          }
        >
          {(field) => <input {...field} type="datetime-local" value={draft.publishAt} onChange={(e) => set('publishAt', e.target.value)} />}
        </TextField>
      ) : null}

      <Fold id="compose-details" label={t('compose.details.heading')} line={details} open={detailsOpen} onToggle={setDetailsOpen} problem={error('shift')}>
        <RadioGroup
          id="compose-priority"
          legend={t('compose.form.priority')}
          options={priorities}
          value={draft.priority}
          onChange={(v) => set('priority', v)}
        />

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
      </Fold>

      <div className="compose-actions compose-actions--end">
        <button type="button" onClick={onCancel}>
          {t('compose.form.cancel')}
        </button>
      </div>

      {sendError ? (
        <p role="alert" className="error">
          {sendError}
        </p>
      ) : null}
      <div className="compose-bar">
        <button type="submit">{t('compose.form.preview')}</button>
        <button type="button" className="primary" disabled={sending} onClick={() => void onSend().then(focusFirst)}>
          {t(editing ? 'compose.preview.saveEdit' : 'compose.preview.send')}
        </button>
      </div>
    </form>
  );
}

/** "Downtown · everyone", "2 stores · 1 department · Staff": the audience in one line. */
function audienceSummary(
  t: ReturnType<typeof useT>,
  draft: BriefingDraft,
  stores: readonly Option<string>[],
  departments: readonly Option<string>[],
  roles: readonly Option<MemberRole>[],
  wholeOrganisation: boolean,
): string {
  const names = (options: readonly Option<string>[], ids: readonly string[]) =>
    ids.map((id) => options.find((o) => o.value === id)?.label ?? '').filter(Boolean);
  const storeNames = names(stores, draft.storeIds);
  const where =
    draft.storeIds.length === 0
      ? t(wholeOrganisation ? 'compose.audience.wholeOrg' : 'compose.audience.noStore')
      : storeNames.length === 1 && draft.storeIds.length === 1
        ? storeNames[0]!
        : t('compose.audience.stores', { count: draft.storeIds.length });
  const departmentNames = names(departments, draft.departmentIds);
  const which =
    draft.departmentIds.length === 0
      ? null
      : departmentNames.length === 1 && draft.departmentIds.length === 1
        ? departmentNames[0]!
        : t('compose.audience.departments', { count: draft.departmentIds.length });
  const who =
    draft.roles.length === 0
      ? t('compose.audience.everyone')
      : roles
          .filter((r) => draft.roles.includes(r.value))
          .map((r) => r.label)
          .join(', ');
  return [where, which, who].filter(Boolean).join(' · ');
}

/** A template or one of this person's past briefings, instead of a blank form. */
function StartFrom({
  past,
  onTemplate,
  onRepeat,
}: {
  past: readonly LocalBriefing[];
  onTemplate(template: (typeof TEMPLATES)[number]): void;
  onRepeat(briefing: LocalBriefing): void;
}) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="compose-start" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('compose.start.heading')}</h3>
      <div className="compose-start__templates">
        {TEMPLATES.map((template) => (
          <button key={template.id} type="button" onClick={() => onTemplate(template)}>
            {t(`compose.template.${template.id}.name`)}
          </button>
        ))}
      </div>
      {past.length > 0 ? (
        <div className="compose-field">
          <label htmlFor="compose-repeat">{t('compose.start.repeat')}</label>
          <select
            id="compose-repeat"
            value=""
            onChange={(e) => {
              const chosen = past.find((b) => b.id === e.target.value);
              if (chosen) onRepeat(chosen);
            }}
          >
            <option value="">{t('compose.start.repeatPick')}</option>
            {past.map((b) => (
              <option key={b.id} value={b.id}>
                {b.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </section>
  );
}

interface FieldProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** A label, the control, its hint and its error, wired together for screen readers. */
function TextField({
  id,
  label,
  hint,
  error,
  above,
  below,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** Between the label and the control: the body's formatting buttons, the one-tap times. */
  above?: ReactNode;
  /** After the control and its error: the chosen time in words. */
  below?: ReactNode;
  children(props: FieldProps): ReactNode;
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="compose-field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {above}
      {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': error ? true : undefined })}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {below}
    </div>
  );
}
