/**
 * Reports for managers, HR and admins: the compliance dashboard (the server
 * scopes it: managers see their stores, HR the organisation) and, for HR and
 * admins, the audit CSV export. Online only: every figure comes from the
 * server when asked, nothing is cached on the device. The period, store and
 * department are in the address (/reports?days=7&store=…&department=…), so a
 * reload, back from a briefing's people or a shared link shows the same report.
 */
import { useEffect, useState } from 'react';
import type { OnlineApi } from '../../data/online-api';
import type { ComplianceReport } from '../../data/supabase/types';
import { REPORT_PERIODS, type ReportPeriod } from '../../domain/compliance';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { formatDay } from '../../ui/i18n/report-format';
import { OnlineCallProblem } from '../../ui/OnlineCallProblem';
import { setQuery, useQuery } from '../../ui/router/history';
import { Link } from '../../ui/router/Link';
import { useSession } from '../../ui/session-context';
import { useOnlineCall } from '../../ui/use-online-call';
import { AuditExport } from './AuditExport';
import { ComplianceChart } from './ComplianceChart';
import { ByBriefingTable, ByStoreTable, KpiTiles, OverduePeopleTable } from './ComplianceTables';
import { readReportFilters, reportQuery } from './filters';
import { pendingPath } from './paths';
import { useMoreRows } from './use-more-rows';
import { useStoreName } from './use-store-name';
import './insights.css';
import { useSettledText } from '../../ui/use-settled-text';

export interface StoreChoice {
  id: string;
  name: string;
}

export function InsightsScreen() {
  const { api, me } = useSession();
  const { t } = useI18n();
  const { days, storeId, departmentId } = readReportFilters(useQuery());
  const setDays = (period: ReportPeriod) => setQuery(reportQuery({ days: period }));
  const setDepartmentId = (id: string | null) => setQuery(reportQuery({ departmentId: id }));
  // A store chosen here is named at once; one from the address is named by the server.
  const [chosen, setChosen] = useState<StoreChoice | null>(null);
  const setStore = (next: StoreChoice | null) => {
    setChosen(next);
    setQuery(reportQuery({ storeId: next?.id ?? null }));
  };
  const lookedUp = useStoreName(chosen?.id === storeId ? null : api, storeId);
  const storeName = chosen?.id === storeId ? chosen.name : lookedUp.name;
  const store = storeId ? { id: storeId, name: storeName ?? '…' } : null;
  const filters = { p_store_id: storeId, p_department_id: departmentId };
  const departments = useOnlineCall(api, 'departments', (online) => online.call('report_departments', {}));
  const unknownDepartment = departmentId !== null && departments.data !== null && !departments.data.some((d) => d.id === departmentId);
  // An address naming a store or department the caller does not report on shows everything they do, never an error.
  useEffect(() => {
    if (lookedUp.unknown || unknownDepartment) {
      setQuery(reportQuery({ ...(lookedUp.unknown ? { storeId: null } : {}), ...(unknownDepartment ? { departmentId: null } : {}) }));
    }
  }, [lookedUp.unknown, unknownDepartment]);
  const {
    data: report,
    loading,
    failure,
    reload: retry,
    // A store from the address is asked for once the server has named it: one it does not know is dropped, not reported as refused.
  } = useOnlineCall(storeId === null || storeName !== null ? api : null, JSON.stringify([days, filters]), (online) =>
    online.call('compliance_report', { p_days: days, ...filters }),
  );
  // HR and admins see the organisation and may export; managers see their stores (the server enforces both).
  const headOffice = me?.role === 'hr' || me?.role === 'admin';
  // A report for another period stays up only while the new one loads, never beside an error.
  const shown =
    report && (!failure || (report.days === days && report.store_id === filters.p_store_id && report.department_id === filters.p_department_id))
      ? report
      : null;

  return (
    <section className="insights" aria-labelledby="insights-heading">
      <h1 id="insights-heading">{t('insights.title')}</h1>
      <fieldset className="choice insights__period">
        <legend>{t('insights.period')}</legend>
        <div className="choice__options">
          {REPORT_PERIODS.map((period) => (
            <label key={period} className="choice__option">
              <input type="radio" name="report-period" value={period} checked={days === period} onChange={() => setDays(period)} />
              {t('insights.period.days', { count: period })}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="insights__filters">
        <StoreFilter api={api} store={store} onChange={setStore} />
        <label className="field">
          <span>{t('insights.filter.department')}</span>
          <select value={departmentId ?? ''} onChange={(event) => setDepartmentId(event.target.value || null)} data-testid="report-department">
            <option value="">{t('insights.filter.anyDepartment')}</option>
            {(departments.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
      </div>

      {failure ? <OnlineCallProblem failure={failure} onRetry={retry} /> : null}
      {!shown && loading && !failure ? (
        <p className="muted" role="status">
          {t('insights.loading')}
        </p>
      ) : null}
      {shown ? (
        <Dashboard
          report={shown}
          busy={loading}
          organisationWide={headOffice}
          store={store}
          onStore={setStore}
          department={departments.data?.find((d) => d.id === shown.department_id)?.name ?? null}
          departmentId={departmentId}
        />
      ) : null}
      {headOffice ? <AuditExport api={api} /> : null}
    </section>
  );
}

type StoreRow = ComplianceReport['by_store'][number];
type BriefingRow = ComplianceReport['by_briefing'][number];
const NO_API = { ok: false, error: { kind: 'network', message: 'offline' } } as const;

/** One store of the caller's, found by name or code (HR may have 2,000), or all of them. */
function StoreFilter({ api, store, onChange }: { api: OnlineApi | null; store: StoreChoice | null; onChange(store: StoreChoice | null): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const asked = useSettledText(text);
  const found = useOnlineCall(asked && !store ? api : null, asked, (online) => online.call('report_stores', { p_search: asked }));
  if (store) {
    return (
      <div className="field insights__store">
        <span>{t('insights.filter.store')}</span>
        <p className="insights__chosen">
          <strong data-testid="report-store">{store.name}</strong>
          <button type="button" onClick={() => onChange(null)}>
            {t('insights.filter.allStores')}
          </button>
        </p>
      </div>
    );
  }
  return (
    <div className="insights__store">
      <label className="field">
        <span>{t('insights.filter.store')}</span>
        <input
          type="search"
          value={text}
          maxLength={100}
          placeholder={t('insights.pending.findStoreHint')}
          onChange={(event) => setText(event.target.value)}
          data-testid="report-store-search"
        />
      </label>
      {asked && found.data ? (
        found.data.length > 0 ? (
          <ul className="insights__found">
            {found.data.map((s) => (
              <li key={s.id}>
                <button type="button" onClick={() => onChange(s)} data-testid="report-store-choice">
                  {s.name}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('insights.pending.noStoreFound')}</p>
        )
      ) : null}
    </div>
  );
}

/** A briefing by its title, whatever its place in the worst-first list: its people are one tap away. */
function BriefingFinder({ days, storeId, departmentId }: { days: number; storeId: string | null; departmentId: string | null }) {
  const { api } = useSession();
  const { t, date } = useI18n();
  const [text, setText] = useState('');
  const asked = useSettledText(text);
  const found = useOnlineCall(asked ? api : null, `${days}:${asked}`, (online) => online.call('report_briefings', { p_search: asked, p_days: days }));
  return (
    <div className="panel insights__finder">
      <label className="field">
        <span>{t('insights.findBriefing')}</span>
        <input type="search" value={text} maxLength={100} onChange={(event) => setText(event.target.value)} data-testid="briefing-finder" />
      </label>
      {asked && found.data ? (
        found.data.length > 0 ? (
          <ul className="insights__found">
            {found.data.map((b) => (
              <li key={b.id} data-testid="found-briefing">
                <Link to={pendingPath(b.id, storeId, departmentId)}>
                  <span className="cell-title">{b.title}</span>
                  <span className="cell-note">{b.ack_due_at ? t('insights.dueOn', { when: date(b.ack_due_at) }) : t('insights.noDueDate')}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('insights.noBriefingFound')}</p>
        )
      ) : null}
    </div>
  );
}

function Dashboard({
  report,
  busy,
  organisationWide,
  store,
  onStore,
  department,
  departmentId,
}: {
  report: ComplianceReport;
  busy: boolean;
  organisationWide: boolean;
  store: StoreChoice | null;
  onStore(store: StoreChoice): void;
  department: string | null;
  departmentId: string | null;
}) {
  const { api } = useSession();
  const { t, locale } = useI18n();
  // The summary holds the worst rows of each list; the rest come a page at a time, for the period it answered.
  const stores = useMoreRows<StoreRow, NonNullable<ComplianceReport['next']['stores']>>(
    report.by_store,
    report.next.stores,
    (row) => row.store_id,
    async (key) => {
      if (!api) return NO_API;
      const outcome = await api.call('compliance_stores', {
        p_days: report.days,
        p_after_acked: key.acked,
        p_after_total: key.total,
        p_after_name: key.name,
        p_after_store_id: key.store_id,
        p_store_id: report.store_id,
        p_department_id: report.department_id,
      });
      return outcome.ok ? { ok: true, data: { rows: outcome.data.stores, next: outcome.data.next } } : outcome;
    },
  );
  const briefings = useMoreRows<BriefingRow, NonNullable<ComplianceReport['next']['briefings']>>(
    report.by_briefing,
    report.next.briefings,
    (row) => row.id,
    async (key) => {
      if (!api) return NO_API;
      const outcome = await api.call('compliance_briefings', {
        p_days: report.days,
        p_after_overdue: key.overdue,
        p_after_acked: key.acked,
        p_after_total: key.total,
        p_after_id: key.id,
        p_store_id: report.store_id,
        p_department_id: report.department_id,
      });
      return outcome.ok ? { ok: true, data: { rows: outcome.data.briefings, next: outcome.data.next } } : outcome;
    },
  );
  // The server decides the scope; this only names it: a manager's stores are the ones the report has rows for,
  // named while the summary holds them all.
  const scope = store
    ? t('insights.scope.store', { store: store.name })
    : organisationWide
      ? t('insights.scope.organisation')
      : report.store_count > report.by_store.length
        ? t('insights.scope.storeCount', { count: report.store_count })
        : t('insights.scope.stores', {
            stores: new Intl.ListFormat(locale).format(report.by_store.map((s) => s.name).sort((a, b) => a.localeCompare(b, locale))),
          });
  return (
    <div className="dashboard" aria-busy={busy}>
      <h2 className="dashboard__heading">{t('insights.compliance')}</h2>
      <p className="muted dashboard__scope">
        <span data-testid="report-scope">{department ? t('insights.scope.department', { scope, department }) : scope}</span>
        <br />
        {t('insights.range', {
          from: formatDay(locale, report.first_day, true),
          to: formatDay(locale, report.last_day, true),
          zone: report.time_zone.replaceAll('_', ' '),
        })}
        {organisationWide ? (
          <>
            {' · '}
            <Link to="/stores">{t('insights.zone.change')}</Link>
          </>
        ) : null}
      </p>
      <KpiTiles report={report} />
      <p className="muted dashboard__legend">{t('insights.band.legend')}</p>
      <div className="dashboard__grid">
        <ComplianceChart report={report} />
        <ByStoreTable stores={stores} count={report.store_count} onStore={onStore} />
        <div className="dashboard__briefings">
          <BriefingFinder days={report.days} storeId={report.store_id} departmentId={departmentId} />
          <ByBriefingTable briefings={briefings} count={report.briefing_count} storeId={report.store_id} departmentId={departmentId} />
        </div>
        <OverduePeopleTable people={report.overdue_people} overdue={report.overdue} />
      </div>
    </div>
  );
}
