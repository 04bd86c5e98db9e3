import { useEffect, useMemo, useState } from 'react';
import type { AdminOutcome } from '../../data/admin/outcome';
import type { RosterApplyReport, RosterPlan } from '../../data/roster/roster-import';
import { rosterReportCsv } from '../../domain/roster-columns';
import { useI18n } from '../../ui/i18n/I18nProvider';

type Deactivation = { kind: 'idle' } | { kind: 'confirm' } | { kind: 'running'; done: number } | { kind: 'done'; count: number } | { kind: 'failed' };

/** After apply: the counts, the report file, and the optional, confirmed deactivation of the people missing from the file. */
export function ReportView({
  plan,
  report,
  deactivate,
  deactivateChosen,
  onAgain,
}: {
  plan: RosterPlan;
  report: RosterApplyReport;
  deactivate(onProgress: (done: number) => void): Promise<AdminOutcome<number>>;
  /** Deactivates those of `ids` still missing from the file. */
  deactivateChosen(ids: string[]): Promise<AdminOutcome<number>>;
  onAgain(): void;
}) {
  const { t } = useI18n();
  const [step, setStep] = useState<Deactivation>({ kind: 'idle' });
  // Nobody is ticked at first: leaving the file is offered as a reason, never acted on by itself.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [scope, setScope] = useState<'chosen' | 'all'>('chosen');
  const href = useMemo(() => URL.createObjectURL(new Blob([rosterReportCsv(report.lines)], { type: 'text/csv;charset=utf-8' })), [report]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  const missing = plan.missing.total;

  function toggle(id: string, on: boolean) {
    setChosen((was) => {
      const next = new Set(was);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function confirm(which: 'chosen' | 'all') {
    setScope(which);
    setStep({ kind: 'confirm' });
  }

  async function run() {
    setStep({ kind: 'running', done: 0 });
    const outcome = scope === 'chosen' ? await deactivateChosen([...chosen]) : await deactivate((done) => setStep({ kind: 'running', done }));
    setStep(outcome.ok ? { kind: 'done', count: outcome.data } : { kind: 'failed' });
  }

  return (
    <div className="roster__done" data-testid="roster-done">
      <h2>{t('roster.done')}</h2>
      <ul className="roster__counts">
        <li className={`roster__count${report.added ? ' roster__count--add' : ''}`}>{t('roster.done.added', { count: report.added })}</li>
        <li className={`roster__count${report.changed ? ' roster__count--change' : ''}`}>{t('roster.done.changed', { count: report.changed })}</li>
        <li className="roster__count">{t('roster.count.unchanged', { count: plan.counts.unchanged })}</li>
        <li className={`roster__count${plan.counts.problem ? ' roster__count--problem' : ''}`}>{t('roster.count.problem', { count: plan.counts.problem })}</li>
      </ul>
      {report.refusedBatches > 0 ? <p className="error">{t('roster.done.refused', { count: report.refusedBatches })}</p> : null}
      <p>
        <a className="button-link" href={href} download="roster-import-result.csv" data-testid="roster-report">
          {t('roster.report')}
        </a>
      </p>
      {missing > 0 ? (
        <section className="roster__section" aria-labelledby="roster-deactivate">
          <h3 id="roster-deactivate">{t('roster.missing')}</h3>
          {step.kind === 'idle' || step.kind === 'confirm' ? (
            <fieldset className="roster__choose" disabled={step.kind === 'confirm'}>
              <legend className="muted">{t('roster.chooseNote')}</legend>
              <ul className="roster__choices" data-testid="roster-missing-choices">
                {plan.missing.people.map((p) => (
                  <li key={p.id}>
                    <label>
                      <input type="checkbox" checked={chosen.has(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
                      <span>
                        {p.display_name} <span className="muted">{[p.employee_id, p.store_code].filter(Boolean).join(' · ')}</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
              {missing > plan.missing.people.length ? <p className="muted">{t('roster.more', { count: missing - plan.missing.people.length })}</p> : null}
            </fieldset>
          ) : null}
          {step.kind === 'idle' ? (
            <p className="roster__deactivate-actions">
              <button type="button" className="danger" disabled={chosen.size === 0} onClick={() => confirm('chosen')}>
                {t('roster.deactivateChosen', { count: chosen.size })}
              </button>{' '}
              <button type="button" onClick={() => confirm('all')}>
                {t('roster.deactivate', { count: missing })}
              </button>
            </p>
          ) : null}
          {step.kind === 'confirm' ? (
            <div role="alertdialog" aria-labelledby="roster-confirm" className="roster__confirm">
              <p id="roster-confirm">{t('roster.deactivateConfirm', { count: scope === 'chosen' ? chosen.size : missing })}</p>
              <button type="button" className="danger" onClick={() => void run()}>
                {t('roster.deactivateYes')}
              </button>{' '}
              <button type="button" onClick={() => setStep({ kind: 'idle' })}>
                {t('roster.deactivateNo')}
              </button>
            </div>
          ) : null}
          <div role="status" aria-live="polite">
            {step.kind === 'running' ? <p>{t('roster.deactivated', { count: step.done })}</p> : null}
            {step.kind === 'done' ? <p data-testid="roster-deactivated">{t('roster.deactivated', { count: step.count })}</p> : null}
            {step.kind === 'failed' ? <p className="error">{t('roster.error.failed')}</p> : null}
          </div>
        </section>
      ) : null}
      <p>
        <button type="button" onClick={onAgain}>
          {t('roster.startOver')}
        </button>
      </p>
    </div>
  );
}
