/** HR: a new pulse (question, scale, comment option, audience from the cached directory, window), saved online with save_pulse. */
import { useId, useState } from 'react';
import { LIMITS } from '../../domain/limits';
import { emptyPulseDraft, localTimeToIso, type PulseDraft, type PulseDraftProblem, pulseDraftProblems } from '../../domain/pulse-draft';
import { useT } from '../../ui/i18n/I18nProvider';
import { OnlineCallProblem } from '../../ui/OnlineCallProblem';
import { useSession } from '../../ui/session-context';
import { useComposeDirectory } from '../../ui/use-compose-directory';
import { type OnlineFailure, onlineFailure } from '../../ui/use-online-call';

const ROLE_LABEL = {
  staff: 'voice.create.role.staff',
  manager: 'voice.create.role.manager',
  hr: 'voice.create.role.hr',
  admin: 'voice.create.role.admin',
} as const;

function Checks<V extends string>({
  legend,
  hint,
  options,
  values,
  onChange,
}: {
  legend: string;
  hint: string;
  options: ReadonlyArray<{ value: V; label: string }>;
  values: readonly V[];
  onChange(values: V[]): void;
}) {
  const id = useId();
  return (
    <fieldset className="choice voice-group" aria-describedby={`${id}-hint`}>
      <legend>{legend}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <div className="choice__options">
        {options.map((o) => (
          <label key={o.value} className="choice__option">
            <input
              type="checkbox"
              checked={values.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function PulseComposer({ onSaved, onCancel }: { onSaved(): void; onCancel(): void }) {
  const { api, commands } = useSession();
  const t = useT();
  const id = useId();
  const cached = useComposeDirectory();
  const [draft, setDraft] = useState<PulseDraft>(() => emptyPulseDraft(commands.now()));
  const [problems, setProblems] = useState<PulseDraftProblem[]>([]);
  const [failure, setFailure] = useState<OnlineFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const directory = cached?.directory;
  const set = (change: Partial<PulseDraft>) => setDraft((d) => ({ ...d, ...change }));

  async function save() {
    const found = pulseDraftProblems(draft, commands.now());
    setProblems(found);
    if (found.length > 0) return;
    if (!api) return setFailure({ kind: 'offline' });
    setBusy(true);
    const outcome = await api.call('save_pulse', {
      p_id: commands.newId(),
      p_question: draft.question.trim(),
      p_scale: draft.scale,
      p_allow_comment: draft.allowComment,
      p_store_ids: draft.storeIds,
      p_department_ids: draft.departmentIds,
      p_roles: draft.roles,
      p_opens_at: localTimeToIso(draft.opensAt),
      p_closes_at: localTimeToIso(draft.closesAt)!,
    });
    setBusy(false);
    if (outcome.ok) onSaved();
    else setFailure(onlineFailure(outcome.error));
  }

  return (
    <form
      className="voice-card voice-form"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id={`${id}-heading`}>{t('voice.create.heading')}</h3>
      <label htmlFor={`${id}-question`}>{t('voice.create.question')}</label>
      <textarea
        id={`${id}-question`}
        className="voice-textarea voice-textarea--short"
        maxLength={LIMITS.pulseQuestion}
        value={draft.question}
        onChange={(e) => set({ question: e.target.value })}
        aria-invalid={problems.includes('question') || undefined}
        aria-describedby={problems.includes('question') ? `${id}-question-error` : undefined}
      />
      {problems.includes('question') ? (
        <p id={`${id}-question-error`} className="field-error">
          {t('voice.create.questionRequired')}
        </p>
      ) : null}
      <fieldset className="choice voice-group">
        <legend>{t('voice.create.scale')}</legend>
        <div className="choice__options">
          {(['nps_0_10', 'scale_1_5'] as const).map((scale) => (
            <label key={scale} className="choice__option">
              <input type="radio" name={`${id}-scale`} value={scale} checked={draft.scale === scale} onChange={() => set({ scale })} />
              {scale === 'nps_0_10' ? t('voice.create.scale.nps') : t('voice.create.scale.five')}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="voice-check">
        <input type="checkbox" checked={draft.allowComment} onChange={(e) => set({ allowComment: e.target.checked })} />
        {t('voice.create.allowComment')}
      </label>
      {directory ? (
        <>
          <Checks
            legend={t('voice.create.stores')}
            hint={t('voice.create.everyone')}
            values={draft.storeIds}
            onChange={(storeIds) => set({ storeIds })}
            options={directory.stores.map((s) => ({ value: s.id, label: s.name }))}
          />
          <Checks
            legend={t('voice.create.departments')}
            hint={t('voice.create.everyone')}
            values={draft.departmentIds}
            onChange={(departmentIds) => set({ departmentIds })}
            options={directory.departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        </>
      ) : (
        <p className="field-hint">{t('voice.create.noDirectory')}</p>
      )}
      <Checks
        legend={t('voice.create.roles')}
        hint={t('voice.create.everyone')}
        values={draft.roles}
        onChange={(roles) => set({ roles })}
        options={(['staff', 'manager', 'hr', 'admin'] as const).map((role) => ({ value: role, label: t(ROLE_LABEL[role]) }))}
      />
      <div className="voice-times">
        <div>
          <label htmlFor={`${id}-opens`}>{t('voice.create.opens')}</label>
          <input
            id={`${id}-opens`}
            type="datetime-local"
            value={draft.opensAt}
            onChange={(e) => set({ opensAt: e.target.value })}
            aria-describedby={`${id}-zone`}
          />
        </div>
        <div>
          <label htmlFor={`${id}-closes`}>{t('voice.create.closes')}</label>
          <input
            id={`${id}-closes`}
            type="datetime-local"
            value={draft.closesAt}
            onChange={(e) => set({ closesAt: e.target.value })}
            aria-invalid={problems.includes('closes') || undefined}
            aria-describedby={`${id}-zone${problems.includes('closes') ? ` ${id}-closes-error` : ''}`}
          />
        </div>
      </div>
      <p id={`${id}-zone`} className="field-hint">
        {t('voice.create.timeHint')}
      </p>
      {problems.includes('closes') ? (
        <p id={`${id}-closes-error`} className="field-error">
          {t('voice.create.closesRequired')}
        </p>
      ) : null}
      {failure ? <OnlineCallProblem failure={failure} /> : null}
      <div className="voice-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('voice.create.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('voice.create.cancel')}
        </button>
      </div>
    </form>
  );
}
