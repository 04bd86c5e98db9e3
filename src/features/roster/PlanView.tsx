import { useState } from 'react';
import type { RosterPlan } from '../../data/roster/roster-import';
import type { RosterPlanRow } from '../../data/supabase/roster-types';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { problemText } from './problem-text';

/** Rows a table shows at most; the report file has them all. */
const SHOWN = 200;

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(' ');
  return String(value);
}

function changeText(row: RosterPlanRow): string {
  const after = row.after ?? {};
  if (row.outcome === 'add') return '';
  return Object.keys(after)
    .map((key) => `${key}: ${text(row.before?.[key]) || '–'} → ${text(after[key]) || '–'}`)
    .join('; ');
}

/** The dry run's answer: counts, the problems (filterable by kind), the adds and changes, and who is missing. */
export function PlanView({ plan, onApply }: { plan: RosterPlan; onApply(): void }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const problems = plan.rows.filter((r) => r.outcome === 'problem');
  const kinds = [...new Set(problems.map((r) => r.problem ?? ''))].sort();
  const shownProblems = problems.filter((r) => !filter || r.problem === filter);
  const writes = plan.rows.filter((r) => r.outcome === 'add' || r.outcome === 'change');
  const { counts, missing } = plan;
  return (
    <div className="roster__plan">
      <h2>{t('roster.summary')}</h2>
      <ul className="roster__counts" data-testid="roster-counts">
        <li className={`roster__count${counts.add ? ' roster__count--add' : ''}`}>{t('roster.count.add', { count: counts.add })}</li>
        <li className={`roster__count${counts.change ? ' roster__count--change' : ''}`}>{t('roster.count.change', { count: counts.change })}</li>
        <li className="roster__count">{t('roster.count.unchanged', { count: counts.unchanged })}</li>
        <li className={`roster__count${counts.problem ? ' roster__count--problem' : ''}`}>{t('roster.count.problem', { count: counts.problem })}</li>
        <li className="roster__count">{t('roster.count.missing', { count: missing.total })}</li>
      </ul>
      <div className="roster__actions">
        {writes.length > 0 ? (
          <button type="button" className="primary" onClick={onApply}>
            {t('roster.apply', { count: writes.length })}
          </button>
        ) : (
          <p className="muted">{t('roster.nothingToApply')}</p>
        )}
      </div>

      {problems.length > 0 ? (
        <section aria-labelledby="roster-problems" className="roster__section">
          <h3 id="roster-problems">{t('roster.problems')}</h3>
          <p className="muted">{t('roster.problemsNote')}</p>
          <label htmlFor="roster-filter">{t('roster.filter')}</label>
          <select id="roster-filter" value={filter} onChange={(e) => setFilter(e.target.value)}>
            <option value="">{t('roster.filter.all')}</option>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {problemText(t, kind)}
              </option>
            ))}
          </select>
          <div className="roster__table-wrap">
            <table className="roster__table" data-testid="roster-problems">
              <thead>
                <tr>
                  <th scope="col">{t('roster.col.row')}</th>
                  <th scope="col">{t('roster.col.employeeId')}</th>
                  <th scope="col">{t('roster.col.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {shownProblems.slice(0, SHOWN).map((r) => (
                  <tr key={r.row} data-problem={r.problem}>
                    <td>{r.row}</td>
                    <td>{text(r.employee_id)}</td>
                    <td>{problemText(t, r.problem ?? '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {shownProblems.length > SHOWN ? <p className="muted">{t('roster.more', { count: shownProblems.length - SHOWN })}</p> : null}
        </section>
      ) : null}

      {writes.length > 0 ? (
        <section aria-labelledby="roster-preview" className="roster__section">
          <h3 id="roster-preview">{t('roster.preview')}</h3>
          <div className="roster__table-wrap">
            <table className="roster__table" data-testid="roster-preview">
              <thead>
                <tr>
                  <th scope="col">{t('roster.col.row')}</th>
                  <th scope="col">{t('roster.col.employeeId')}</th>
                  <th scope="col">{t('roster.col.name')}</th>
                  <th scope="col">{t('roster.col.what')}</th>
                </tr>
              </thead>
              <tbody>
                {writes.slice(0, SHOWN).map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>{text(r.employee_id)}</td>
                    <td>{text(r.after?.display_name)}</td>
                    <td>
                      <span className={`roster__kind roster__kind--${r.outcome}`}>{t(r.outcome === 'add' ? 'roster.kind.add' : 'roster.kind.change')}</span>{' '}
                      {changeText(r)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {writes.length > SHOWN ? <p className="muted">{t('roster.more', { count: writes.length - SHOWN })}</p> : null}
        </section>
      ) : null}

      {missing.total > 0 ? (
        <section aria-labelledby="roster-missing" className="roster__section">
          <h3 id="roster-missing">{t('roster.missing')}</h3>
          <p className="muted">{t('roster.missingNote')}</p>
          <ul className="roster__missing" data-testid="roster-missing">
            {missing.people.map((p) => (
              <li key={p.id}>
                {p.display_name} <span className="muted">{[p.employee_id, p.store_code].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
          {missing.total > missing.people.length ? <p className="muted">{t('roster.more', { count: missing.total - missing.people.length })}</p> : null}
        </section>
      ) : null}
    </div>
  );
}
