/**
 * A lesson's requirements in the training report: the date and the audience
 * in words, with Change date and Remove (after a confirm) for the ones the
 * caller may change (training_requirements says which; the server checks
 * again). Online only: offline it says so instead of offering the buttons.
 */
import { useState } from 'react';
import type { OnlineApi } from '../../data/online-api';
import type { RpcFailure, RpcOutcome } from '../../data/supabase/rpc';
import type { TrainingRequirement } from '../../data/supabase/types';
import { calendarDay } from '../../domain/today-plan';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { useOnline } from '../../ui/use-online';
import './requirements.css';

type Editing = { id: string; mode: 'date' | 'remove' } | null;

export function LessonRequirements({
  api,
  lesson,
  requirements,
  today,
  onChanged,
}: {
  api: OnlineApi | null;
  lesson: { lesson_id: string; title: string };
  requirements: readonly TrainingRequirement[];
  /** The caller's calendar day (YYYY-MM-DD): the earliest date the server takes. */
  today: string;
  onChanged(notice: string): void;
}) {
  const { t } = useI18n();
  const online = useOnline();
  const [editing, setEditing] = useState<Editing>(null);
  if (requirements.length === 0) return null;
  const headingId = `requirements-${lesson.lesson_id}`;
  const changeable = requirements.some((r) => r.can_change);
  return (
    <section className="report-requirements" aria-labelledby={headingId} data-testid="report-requirements">
      <h3 id={headingId}>{t('learn.requirements.heading')}</h3>
      {changeable && !online ? <p className="muted">{t('learn.requirements.needsConnection')}</p> : null}
      <ul className="report-requirements__list">
        {requirements.map((requirement) => (
          <RequirementItem
            key={requirement.id}
            api={api}
            lesson={lesson}
            requirement={requirement}
            today={today}
            online={online}
            editing={editing?.id === requirement.id ? editing.mode : null}
            onEdit={(mode) => setEditing(mode ? { id: requirement.id, mode } : null)}
            onChanged={(notice) => {
              setEditing(null);
              onChanged(notice);
            }}
          />
        ))}
      </ul>
    </section>
  );
}

const ROLES = ['staff', 'manager', 'hr', 'admin'] as const;
const isRole = (name: string): name is (typeof ROLES)[number] => (ROLES as readonly string[]).includes(name);

/** "Downtown, Riverside · Checkout · Staff, Managers", or everyone in the lesson's audience. */
function useAudienceWords(): (requirement: TrainingRequirement) => string {
  const { t } = useI18n();
  const role = (name: string) => (isRole(name) ? t(`learn.editor.role.${name}`) : name);
  return (requirement) => {
    const parts = [requirement.stores.map((s) => s.name), requirement.departments.map((d) => d.name), requirement.roles.map(role)]
      .filter((names) => names.length > 0)
      .map((names) => names.join(', '));
    return parts.length === 0 ? t('learn.requirements.everyone') : parts.join(' · ');
  };
}

function RequirementItem({
  api,
  lesson,
  requirement,
  today,
  online,
  editing,
  onEdit,
  onChanged,
}: {
  api: OnlineApi | null;
  lesson: { lesson_id: string; title: string };
  requirement: TrainingRequirement;
  today: string;
  online: boolean;
  editing: 'date' | 'remove' | null;
  onEdit(mode: 'date' | 'remove' | null): void;
  onChanged(notice: string): void;
}) {
  const { t, date } = useI18n();
  const audienceWords = useAudienceWords();
  const [dueOn, setDueOn] = useState(requirement.due_on);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const audience = audienceWords(requirement);
  const itemId = `requirement-${requirement.id}`;

  function failed(error: RpcFailure): string {
    if (error.kind === 'network') return t('learn.requirements.needsConnection');
    const code = error.kind === 'http' ? error.details : null;
    if (code === 'invalid_due_date') return t('learn.require.badDate');
    if (code === 'not_your_requirement') return t('learn.requirements.notYours');
    if (code === 'unknown_requirement') return t('learn.requirements.gone');
    return t('learn.server.failed', { reason: error.message });
  }

  async function run(call: (online: OnlineApi) => Promise<RpcOutcome<unknown>>, notice: string) {
    if (!api) return setProblem(t('learn.requirements.needsConnection'));
    setSaving(true);
    const outcome = await call(api);
    setSaving(false);
    if (outcome.ok) return onChanged(notice);
    setProblem(failed(outcome.error));
  }

  function saveDate(event: React.FormEvent) {
    event.preventDefault();
    if (!dueOn) return setProblem(t('learn.require.pickDate'));
    void run(
      (online) => online.call('change_lesson_requirement', { p_id: requirement.id, p_due_on: dueOn }),
      t('learn.requirements.changed', { title: lesson.title, date: date(calendarDay(dueOn), 'date') }),
    );
  }

  const open = (mode: 'date' | 'remove' | null) => {
    setProblem(null);
    setDueOn(requirement.due_on);
    onEdit(mode);
  };

  return (
    <li
      className={`report-requirements__item${requirement.can_change ? '' : ' report-requirements__item--fixed'}`}
      data-testid="requirement"
      data-requirement-id={requirement.id}
    >
      <p className="report-requirements__due" id={itemId}>
        {t('learn.requirements.due', { date: date(calendarDay(requirement.due_on), 'date') })}
      </p>
      <p data-testid="requirement-audience">{audience}</p>
      {!requirement.can_change ? <p className="muted">{t('learn.requirements.notYours')}</p> : null}
      {requirement.can_change && editing === null ? (
        <div className="learn-actions">
          <button type="button" aria-describedby={itemId} disabled={!online} onClick={() => open('date')}>
            {t('learn.requirements.change')}
          </button>
          <button type="button" aria-describedby={itemId} disabled={!online} onClick={() => open('remove')}>
            {t('learn.requirements.remove')}
          </button>
        </div>
      ) : null}
      {editing === 'date' ? (
        <form onSubmit={saveDate} noValidate data-testid="requirement-date-form">
          <label className="field">
            <span>{t('learn.requirements.newDate')}</span>
            <input type="date" value={dueOn} min={today} onChange={(e) => setDueOn(e.target.value)} data-testid="requirement-date" />
          </label>
          {problem ? (
            <p className="error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="learn-actions">
            <button type="button" onClick={() => open(null)}>
              {t('learn.require.cancel')}
            </button>
            <button type="submit" className="primary" disabled={saving}>
              {saving ? t('learn.require.saving') : t('learn.requirements.saveDate')}
            </button>
          </div>
        </form>
      ) : null}
      {editing === 'remove' ? (
        <div className="report-requirements__confirm" data-testid="requirement-remove-confirm">
          <p id={`${itemId}-confirm`}>{t('learn.requirements.confirmRemove', { audience })}</p>
          {problem ? (
            <p className="error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="learn-actions">
            <button type="button" onClick={() => open(null)}>
              {t('learn.requirements.keep')}
            </button>
            <button
              type="button"
              className="danger"
              disabled={saving}
              onClick={() =>
                void run(
                  (online) => online.call('remove_lesson_requirement', { p_id: requirement.id }),
                  t('learn.requirements.removed', { title: lesson.title, audience }),
                )
              }
            >
              {saving ? t('learn.require.saving') : t('learn.requirements.confirm')}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
