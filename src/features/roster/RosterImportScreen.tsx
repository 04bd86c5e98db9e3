/**
 * Roster import (#12 item 2): pick a CSV -> read it with progress -> the
 * server's dry run (counts, the problems by row, the adds and changes, who is
 * missing) -> apply, batch by batch -> the result report, and the separate,
 * confirmed step of deactivating the people missing from the file.
 */
import { type ChangeEvent, useRef, useState } from 'react';
import { type AdminFailure, adminOutcome } from '../../data/admin/outcome';
import { applyRoster, deactivateMissing, dryRunRoster, type Progress, type RosterApplyReport, type RosterPlan } from '../../data/roster/roster-import';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { useSession } from '../../ui/session-context';
import { PlanView } from './PlanView';
import { parseRoster } from './parse-roster';
import { ReportView } from './ReportView';
import './roster-import.css';

type Phase =
  | { kind: 'pick' }
  | { kind: 'parsing'; fraction: number; rows: number }
  | { kind: 'checking'; progress: Progress }
  | { kind: 'planned'; plan: RosterPlan; fileName: string }
  | { kind: 'applying'; plan: RosterPlan; progress: Progress }
  | { kind: 'done'; plan: RosterPlan; report: RosterApplyReport }
  | { kind: 'failed'; code: string; column?: string };

function failureCode(failure: AdminFailure): string {
  return failure.kind === 'forbidden' ? 'forbidden' : failure.kind === 'offline' ? 'offline' : 'failed';
}

export function RosterImportScreen() {
  const { t } = useI18n();
  const { api, me } = useSession();
  const [phase, setPhase] = useState<Phase>({ kind: 'pick' });
  const input = useRef<HTMLInputElement>(null);
  const busy = phase.kind === 'parsing' || phase.kind === 'checking' || phase.kind === 'applying';

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || !api) return;
    setPhase({ kind: 'parsing', fraction: 0, rows: 0 });
    const parsed = await parseRoster(file, (p) => setPhase({ kind: 'parsing', fraction: p.fraction, rows: p.rows }));
    if (!parsed.ok) {
      setPhase({ kind: 'failed', code: parsed.code, column: parsed.column });
      return;
    }
    setPhase({ kind: 'checking', progress: { done: 0, total: parsed.rows.length } });
    const plan = await dryRunRoster(api, parsed.rows, parsed.duplicates, (progress) => setPhase({ kind: 'checking', progress }));
    setPhase(plan.ok ? { kind: 'planned', plan: plan.data, fileName: file.name } : { kind: 'failed', code: failureCode(plan.failure) });
  }

  async function apply(plan: RosterPlan) {
    if (!api) return;
    setPhase({ kind: 'applying', plan, progress: { done: 0, total: plan.rows.length } });
    const report = await applyRoster(api, plan, (progress) => setPhase({ kind: 'applying', plan, progress }));
    setPhase(report.ok ? { kind: 'done', plan, report: report.data } : { kind: 'failed', code: failureCode(report.failure) });
  }

  const picker = (
    <div className="roster__pick">
      <label htmlFor="roster-file">{phase.kind === 'planned' ? t('roster.pickAgain') : t('roster.pick')}</label>
      <input id="roster-file" ref={input} type="file" accept=".csv,text/csv" disabled={!api || busy} onChange={(e) => void pick(e)} />
    </div>
  );

  return (
    <section className="roster" aria-labelledby="roster-heading">
      <h1 id="roster-heading">{t('roster.title')}</h1>
      {phase.kind === 'pick' || phase.kind === 'failed' || phase.kind === 'planned' ? (
        <>
          <p className="muted">{t('roster.intro')}</p>
          <p className="muted roster__columns">{t('roster.columns')}</p>
          {me?.role === 'manager' ? <p className="muted">{t('roster.managerNote')}</p> : null}
          {api ? null : <p className="error">{t('roster.offline')}</p>}
          {picker}
        </>
      ) : null}
      <div role="status" aria-live="polite" data-testid="roster-status">
        {phase.kind === 'parsing' ? (
          <div className="roster__progress">
            <progress aria-label={t('roster.progressLabel')} max={1} value={phase.fraction} />
            <p>
              {t('roster.parsing')} {t('roster.parsed', { count: phase.rows })}
            </p>
          </div>
        ) : null}
        {phase.kind === 'checking' || phase.kind === 'applying' ? (
          <div className="roster__progress">
            <progress aria-label={t('roster.progressLabel')} max={Math.max(1, phase.progress.total)} value={phase.progress.done} />
            <p>{t(phase.kind === 'checking' ? 'roster.checking' : 'roster.applying', { done: phase.progress.done, total: phase.progress.total })}</p>
          </div>
        ) : null}
        {phase.kind === 'failed' ? (
          <p className="error" data-testid="roster-error">
            {phase.code === 'missing_column'
              ? t('roster.error.missing_column', { column: phase.column ?? 'employee_id' })
              : t(`roster.error.${phase.code as 'empty' | 'unreadable' | 'offline' | 'forbidden' | 'failed'}`)}
          </p>
        ) : null}
      </div>
      {phase.kind === 'planned' ? <PlanView plan={phase.plan} onApply={() => void apply(phase.plan)} /> : null}
      {phase.kind === 'done' && api ? (
        <ReportView
          plan={phase.plan}
          report={phase.report}
          deactivate={(onProgress) => deactivateMissing(api, phase.plan.importId, onProgress)}
          deactivateChosen={async (ids) => {
            const outcome = adminOutcome(await api.call('roster_deactivate_missing', { p_import_id: phase.plan.importId, p_member_ids: ids }));
            return outcome.ok ? { ok: true, data: outcome.data.deactivated } : outcome;
          }}
          onAgain={() => {
            setPhase({ kind: 'pick' });
            input.current?.focus();
          }}
        />
      ) : null}
    </section>
  );
}
