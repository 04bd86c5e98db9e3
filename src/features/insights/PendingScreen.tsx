/**
 * Who has not acknowledged a briefing (issue 13, point 4): the people still to
 * acknowledge its current version, in all the stores the viewer reports on
 * (/reports/briefings/:id/pending) or one (/reports/briefings/:id/stores/:storeId),
 * filtered by department and a name or employee ID (in the address: ?department=…&q=…),
 * a page at a time by name.
 * From here: the stores with most still to acknowledge (a tap narrows to one), a CSV
 * of exactly the people the filters give, and a reminder to the people of the store and
 * department chosen (everyone in reach when none is). The
 * server decides what the viewer may see (report_pending_people): a manager asking
 * for a store they do not run gets "not yours", never its people. Online only.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { openCsvFile } from '../../data/insights/csv-file-sink';
import { exportPendingCsv } from '../../data/insights/pending-export';
import type { OnlineApi } from '../../data/online-api';
import type { PendingPeopleArgs, PendingPeopleKey, PendingPeoplePage, PendingPerson, RemindResult } from '../../data/supabase/types';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { OnlineCallProblem, onlineFailureText } from '../../ui/OnlineCallProblem';
import { setQuery, useQuery } from '../../ui/router/history';
import { Link } from '../../ui/router/Link';
import type { Params } from '../../ui/router/match';
import { useSession } from '../../ui/session-context';
import { type OnlineFailure, onlineFailure, useOnlineCall } from '../../ui/use-online-call';
import { pendingQuery, readPendingFilters, searchOf } from './filters';
import { pendingPath } from './paths';
import { useMoreRows } from './use-more-rows';
import { useStoreName } from './use-store-name';
import './insights.css';
import { useSettledText } from '../../ui/use-settled-text';

const PAGE = 50;
const setDepartmentId = (id: string | null) => setQuery(pendingQuery({ departmentId: id }));
const setSearch = (text: string | null) => setQuery(pendingQuery({ search: text }));
const NO_API = { ok: false, error: { kind: 'network', message: 'offline' } } as const;

export function PendingScreen({ params }: { params: Params }) {
  const { api, me } = useSession();
  const { t, date, number } = useI18n();
  const briefingId = params.id ?? '';
  const storeId = params.storeId ?? null;
  const headOffice = me?.role === 'hr' || me?.role === 'admin';
  const { departmentId, search } = readPendingFilters(useQuery());
  const [draft, setDraft] = useState(search ?? '');
  const filters: PendingPeopleArgs = { p_briefing_id: briefingId, p_store_id: storeId, p_department_id: departmentId, p_search: search };
  const key = JSON.stringify(filters);
  const { data, loading, failure, reload } = useOnlineCall(api, key, (online) => online.call('report_pending_people', { ...filters, p_limit: PAGE }));
  const departments = useOnlineCall(api, 'departments', (online) => online.call('report_departments', {}));
  // A department the caller's organisation does not have (an edited or old address) lists everyone instead of no one.
  const unknownDepartment = departmentId !== null && departments.data !== null && !departments.data.some((d) => d.id === departmentId);
  useEffect(() => {
    if (unknownDepartment) setQuery(pendingQuery({ departmentId: null }));
  }, [unknownDepartment]);
  // The answer shown must be for these filters: an older one stays only while the new one loads.
  const shown = data && !failure ? data : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(searchOf(draft));
  };
  // Typing narrows the list after a pause, as a search box on a phone is expected to; the address follows in place.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchOf(draft)), 400);
    return () => clearTimeout(timer);
  }, [draft]);
  // Back, forward or a changed address brings its own search into the box.
  useEffect(() => {
    setDraft((typed) => (searchOf(typed) === search ? typed : (search ?? '')));
  }, [search]);

  const storeName = useStoreName(storeId ? api : null, storeId).name;
  const forbidden = failure?.kind === 'forbidden';

  return (
    <section className="insights pending" aria-labelledby="pending-heading">
      <p className="pending__back">
        <Link to="/reports" parent>
          <span aria-hidden="true">← </span>
          {t('insights.pending.back')}
        </Link>
      </p>
      <h1 id="pending-heading">{t('insights.pending.title')}</h1>
      {forbidden ? (
        <p className="warning" role="alert" data-testid="pending-not-yours">
          {t('insights.pending.notYours')}
        </p>
      ) : null}
      {shown ? (
        <p className="pending__briefing">
          <strong data-testid="pending-briefing">{shown.briefing.title}</strong>
          <br />
          <span className="muted">
            {shown.briefing.ack_due_at ? t('insights.pending.due', { when: date(shown.briefing.ack_due_at) }) : t('insights.pending.noDue')}
          </span>
        </p>
      ) : null}
      {!forbidden ? (
        <p className="pending__scope">
          <span data-testid="pending-scope">
            {storeId
              ? t('insights.pending.scope.store', { store: storeName ?? '…' })
              : headOffice
                ? t('insights.pending.scope.all')
                : t('insights.pending.scope.mine')}
          </span>
          {storeId ? (
            <>
              {' · '}
              <Link to={pendingPath(briefingId, null, departmentId)}>{t('insights.pending.allStores')}</Link>
            </>
          ) : null}
        </p>
      ) : null}

      {!storeId && shown?.summary && shown.summary.stores.length > 0 && !departmentId && !search ? (
        <TopStores briefingId={briefingId} stores={shown.summary.stores} />
      ) : null}
      {!storeId && !forbidden && api ? <StoreFinder api={api} briefingId={briefingId} departmentId={departmentId} /> : null}

      {!forbidden ? (
        <form className="panel pending__filters" onSubmit={submit} aria-label={t('insights.pending.filters')}>
          <label className="field">
            <span>{t('insights.pending.department')}</span>
            <select value={departmentId ?? ''} onChange={(event) => setDepartmentId(event.target.value || null)} data-testid="pending-department">
              <option value="">{t('insights.pending.anyDepartment')}</option>
              {(departments.data ?? []).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('insights.pending.search')}</span>
            <input type="search" value={draft} maxLength={100} onChange={(event) => setDraft(event.target.value)} data-testid="pending-search" />
          </label>
        </form>
      ) : null}

      {failure && !forbidden ? <OnlineCallProblem failure={failure} onRetry={reload} /> : null}
      {!shown && loading && !failure ? (
        <p className="muted" role="status">
          {t('insights.pending.loading')}
        </p>
      ) : null}
      {shown ? (
        <>
          <p className="pending__count" role="status" data-testid="pending-count" aria-busy={loading}>
            {shown.summary && shown.summary.pending > 0 ? t('insights.pending.count', { count: shown.summary.pending }) : t('insights.pending.none')}
          </p>
          {shown.summary && shown.summary.pending > 0 && api ? (
            <div className="pending__actions">
              <Remind
                key={`${storeId}:${departmentId}`}
                api={api}
                briefingId={briefingId}
                headOffice={headOffice}
                current={shown}
                store={storeId ? { id: storeId, name: storeName ?? '…' } : null}
                department={departmentId ? { id: departmentId, name: departments.data?.find((d) => d.id === departmentId)?.name ?? '…' } : null}
                searching={search !== null}
              />
              <CsvDownload api={api} filters={filters} title={shown.briefing.title} />
            </div>
          ) : null}
          <PeopleTable first={shown} filters={filters} count={shown.summary?.pending ?? 0} number={number} />
        </>
      ) : null}
    </section>
  );
}

function TopStores({ briefingId, stores }: { briefingId: string; stores: NonNullable<PendingPeoplePage['summary']>['stores'] }) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="top-stores">
      <h2 id="top-stores" className="panel__title">
        {t('insights.pending.topStores')}
      </h2>
      <ul className="pending__stores">
        {stores.map((store) => (
          <li key={store.store_id} data-testid="pending-store">
            <Link to={pendingPath(briefingId, store.store_id)}>
              <span className="pending__store-name">{store.name}</span>
              <span className="pending__store-count">{t('insights.pending.storePending', { count: store.pending })}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Any store in scope by name or code: HR may have 2,000, so they are searched, never listed. */
function StoreFinder({ api, briefingId, departmentId }: { api: OnlineApi; briefingId: string; departmentId: string | null }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const asked = useSettledText(text);
  const found = useOnlineCall(asked ? api : null, asked, (online) => online.call('report_stores', { p_search: asked }));
  return (
    <div className="panel pending__finder">
      <label className="field">
        <span>{t('insights.pending.findStore')}</span>
        <input
          type="search"
          value={text}
          maxLength={100}
          placeholder={t('insights.pending.findStoreHint')}
          onChange={(event) => setText(event.target.value)}
          data-testid="store-finder"
        />
      </label>
      {asked && found.data ? (
        found.data.length > 0 ? (
          <ul className="pending__stores">
            {found.data.map((store) => (
              <li key={store.id} data-testid="found-store">
                <Link to={pendingPath(briefingId, store.id, departmentId)}>{store.name}</Link>
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

function PeopleTable({ first, filters, count, number }: { first: PendingPeoplePage; filters: PendingPeopleArgs; count: number; number(n: number): string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const people = useMoreRows<PendingPerson, PendingPeopleKey>(
    first.people,
    first.next,
    (row) => row.member_id,
    async (key) => {
      if (!api) return NO_API;
      const outcome = await api.call('report_pending_people', { ...filters, p_after_name: key.name, p_after_id: key.id, p_limit: PAGE });
      return outcome.ok ? { ok: true, data: { rows: outcome.data.people, next: outcome.data.next } } : outcome;
    },
  );
  if (people.rows.length === 0) return null;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must take focus so a keyboard can scroll it (WCAG 2.1.1).
    <section className="panel table-scroll" aria-labelledby="pending-people" tabIndex={0}>
      <table>
        <caption id="pending-people" className="panel__title">
          {t('insights.pending.title')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('insights.pending.col.person')}</th>
            <th scope="col">{t('insights.pending.col.store')}</th>
            <th scope="col" className="col-wide">
              {t('insights.pending.col.department')}
            </th>
            <th scope="col" className="col-wide">
              {t('insights.pending.col.notifications')}
            </th>
          </tr>
        </thead>
        <tbody>
          {people.rows.map((person) => (
            <tr key={person.member_id} data-testid="pending-person">
              <th scope="row">
                <span className="cell-title">{person.display_name}</span>
                {person.employee_id ? <span className="cell-note">{t('insights.pending.employeeId', { id: person.employee_id })}</span> : null}
                <span className={`cell-note note-phone${person.devices === 0 ? ' bad' : ''}`}>
                  {person.devices > 0 ? t('insights.pending.devices', { count: person.devices }) : t('insights.pending.noDevices')}
                </span>
              </th>
              <td>
                {person.store_name}
                {person.department_name ? <span className="cell-note note-phone">{person.department_name}</span> : null}
              </td>
              <td className="col-wide">{person.department_name}</td>
              <td className={`col-wide${person.devices === 0 ? ' bad' : ''}`}>
                {person.devices > 0 ? t('insights.pending.devices', { count: person.devices }) : t('insights.pending.noDevices')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {people.more || people.failure ? (
        <div className="table-more">
          <p className="muted" data-testid="pending-shown">
            {t('insights.pending.shown', { shown: number(people.rows.length), count: number(count) })}
          </p>
          {people.failure ? <OnlineCallProblem failure={people.failure} /> : null}
          {people.more ? (
            <button type="button" onClick={people.showMore} disabled={people.loading} data-testid="more-pending">
              {people.loading ? t('insights.loadingMore') : t('insights.pending.more')}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

type CsvState = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; rows: number } | { kind: 'failed'; detail: string };

function CsvDownload({ api, filters, title }: { api: OnlineApi; filters: PendingPeopleArgs; title: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<CsvState>({ kind: 'idle' });
  async function download() {
    // The file picker needs the click's user activation: open it before any call.
    const opened = await openCsvFile(`${fileSlug(title)}-not-acknowledged.csv`);
    if (!opened.ok) {
      setState(opened.reason === 'cancelled' ? { kind: 'idle' } : { kind: 'failed', detail: opened.message });
      return;
    }
    setState({ kind: 'working' });
    const outcome = await exportPendingCsv(api, filters, opened.sink);
    setState(outcome.ok ? { kind: 'done', rows: outcome.rows } : { kind: 'failed', detail: outcome.error.message });
  }
  return (
    <div className="pending__action">
      <button type="button" onClick={() => void download()} disabled={state.kind === 'working'} data-testid="pending-csv">
        {state.kind === 'working' ? t('insights.pending.loading') : t('insights.pending.csv')}
      </button>
      {state.kind === 'done' || state.kind === 'failed' ? (
        <p role="status" className={state.kind === 'failed' ? 'warning' : undefined} data-testid="pending-csv-outcome">
          {state.kind === 'done' ? t('insights.pending.csv.done', { count: state.rows }) : t('insights.pending.csv.failed', { detail: state.detail })}
        </p>
      ) : null}
    </div>
  );
}

function fileSlug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .toLowerCase()
      .slice(0, 60) || 'briefing'
  );
}

type RemindState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'answer'; result: RemindResult } | { kind: 'failure'; failure: OnlineFailure };
type Named = { id: string; name: string };

/**
 * remind_unacknowledged reminds the people of the store and department chosen (everyone
 * in reach when none is: HR every store, a manager theirs), never narrowed by the name
 * search: so the words say whom, and how many devices, counted before anything is sent.
 */
function Remind({
  api,
  briefingId,
  headOffice,
  current,
  store,
  department,
  searching,
}: {
  api: OnlineApi;
  briefingId: string;
  headOffice: boolean;
  current: PendingPeoplePage;
  store: Named | null;
  department: Named | null;
  searching: boolean;
}) {
  const { t, date } = useI18n();
  const [state, setState] = useState<RemindState>({ kind: 'idle' });
  const target = { p_briefing_id: briefingId, p_store_id: store?.id ?? null, p_department_id: department?.id ?? null };
  // The list's own count is the reminder's unless a name search narrows the list further.
  const reach = useOnlineCall(searching ? api : null, `reach:${JSON.stringify(target)}`, (online) =>
    online.call('report_pending_people', { ...target, p_limit: 1 }),
  );
  const summary = searching ? reach.data?.summary : current.summary;

  async function remind() {
    setState({ kind: 'sending' });
    const outcome = await api.call('remind_unacknowledged', target);
    setState(outcome.ok ? { kind: 'answer', result: outcome.data } : { kind: 'failure', failure: onlineFailure(outcome.error) });
  }

  let answer: string | null = null;
  if (state.kind === 'answer') {
    const { result } = state;
    answer =
      result.status === 'queued'
        ? [
            result.devices === 0 && result.without_notifications > 0
              ? t('insights.pending.remind.nobody', { count: result.without_notifications })
              : t('insights.pending.remind.sent', {
                  devices: t('insights.pending.deviceCount', { count: result.devices }),
                  people: t('insights.pending.remind.people', { count: result.people }),
                  without: result.without_notifications > 0 ? t('insights.pending.remind.without', { count: result.without_notifications }) : '',
                }).trim(),
            result.recently_reminded > 0 ? t('insights.pending.remind.skipped', { count: result.recently_reminded }) : '',
          ]
            .join(' ')
            .trim()
        : t('insights.pending.remind.tooSoon', { when: date(result.next_allowed_at, 'time') });
  } else if (state.kind === 'failure') {
    answer = onlineFailureText(t, state.failure);
  }
  const counts = summary
    ? {
        people: t('insights.pending.remind.people', { count: summary.pending }),
        devices: t('insights.pending.remind.devices', { count: summary.devices }),
      }
    : null;
  const reachLine = counts
    ? store && department
      ? t('insights.pending.remind.reach.storeDepartment', { ...counts, store: store.name, department: department.name })
      : store
        ? t('insights.pending.remind.reach.store', { ...counts, store: store.name })
        : department
          ? t(headOffice ? 'insights.pending.remind.reach.allDepartment' : 'insights.pending.remind.reach.mineDepartment', {
              ...counts,
              department: department.name,
            })
          : t(headOffice ? 'insights.pending.remind.reach.all' : 'insights.pending.remind.reach.mine', counts)
    : null;
  return (
    <div className="pending__action">
      <button type="button" onClick={() => void remind()} disabled={state.kind === 'sending'} data-testid="pending-remind">
        {t('insights.pending.remind')}
      </button>
      {reachLine ? (
        <p className="muted pending__note" data-testid="remind-reach">
          {searching ? `${reachLine} ${t('insights.pending.remind.reach.notSearch')}` : reachLine}
        </p>
      ) : null}
      {answer ? (
        <p role="status" className={state.kind === 'failure' ? 'warning' : undefined} data-testid="pending-remind-result">
          {answer}
        </p>
      ) : null}
    </div>
  );
}
