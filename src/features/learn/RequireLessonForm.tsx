/**
 * A manager or HR makes a lesson required by a date for an audience. HR may
 * pick any stores, departments and roles (none ticked: everyone in the
 * lesson's audience); a manager only the stores they run, at least one, all
 * ticked to start with. The server checks the same rules (require_lesson);
 * this form only says so earlier. Online only: it needs the server's answer.
 */
import { useState } from 'react';
import type { OnlineApi } from '../../data/online-api';
import { calendarDay } from '../../domain/today-plan';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { useComposeDirectory } from '../../ui/use-compose-directory';
import { type Audience, AudiencePicker } from './AudiencePicker';

type Problem = 'pickDate' | 'pickStore' | 'notYourStore' | 'badDate' | { failed: string };

export function RequireLessonForm({
  api,
  lesson,
  manager,
  today,
  onDone,
  onCancel,
}: {
  api: OnlineApi | null;
  lesson: { lesson_id: string; title: string };
  /** Managers must name stores, and only theirs. */
  manager: boolean;
  /** The caller's calendar day (YYYY-MM-DD): the earliest date the server takes. */
  today: string;
  onDone(notice: string): void;
  onCancel(): void;
}) {
  const { t, date } = useI18n();
  const directory = useComposeDirectory()?.directory;
  const [dueOn, setDueOn] = useState('');
  const [audience, setAudience] = useState<Audience | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  // A manager starts with every store they run ticked: most run one.
  const chosen = audience ?? { store_ids: manager ? (directory?.stores.map((s) => s.id) ?? []) : [], department_ids: [], roles: [] };
  const headingId = `require-${lesson.lesson_id}`;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!dueOn) return setProblem('pickDate');
    if (manager && chosen.store_ids.length === 0) return setProblem('pickStore');
    if (!api) return setProblem({ failed: t('learn.server.offline') });
    setSaving(true);
    const outcome = await api.call('require_lesson', {
      p_lesson_id: lesson.lesson_id,
      p_due_on: dueOn,
      p_store_ids: chosen.store_ids,
      p_department_ids: chosen.department_ids,
      p_roles: chosen.roles as ('staff' | 'manager' | 'hr' | 'admin')[],
    });
    setSaving(false);
    if (outcome.ok) return onDone(t('learn.require.done', { title: lesson.title, date: date(calendarDay(dueOn), 'date') }));
    const error = outcome.error;
    const code = error.kind === 'http' ? error.details : null;
    if (code === 'not_your_store') return setProblem('notYourStore');
    if (code === 'invalid_due_date') return setProblem('badDate');
    setProblem({ failed: error.kind === 'network' ? t('learn.server.offline') : t('learn.server.failed', { reason: error.message }) });
  }

  const problemText = problem === null ? null : typeof problem === 'object' ? problem.failed : t(`learn.require.${problem}` as const);

  return (
    <form className="require-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate data-testid="require-form">
      <h3 id={headingId}>{t('learn.require.heading', { title: lesson.title })}</h3>
      <label className="field">
        <span>{t('learn.require.date')}</span>
        <input type="date" value={dueOn} min={today} onChange={(e) => setDueOn(e.target.value)} data-testid="require-date" />
      </label>
      {manager ? <p className="field-hint">{t('learn.require.managerHint')}</p> : null}
      <AudiencePicker audience={chosen} onChange={setAudience} headingLevel={4} everyone={!manager} />
      {problemText ? (
        <p className="error" role="alert">
          {problemText}
        </p>
      ) : null}
      <div className="learn-actions">
        <button type="button" onClick={onCancel}>
          {t('learn.require.cancel')}
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('learn.require.saving') : t('learn.require.save')}
        </button>
      </div>
    </form>
  );
}
