/**
 * People (#12): HR's organisation, a manager's stores (the server scopes both).
 * Search and filters go to admin_people; "Load more" walks its keyset pages.
 * Online only: nothing here is kept on the phone.
 */
import { useEffect, useState } from 'react';
import { peoplePage } from '../../data/admin/people';
import { useI18n } from '../../ui/i18n/I18nProvider';
import { go } from '../../ui/router/history';
import { useSession } from '../../ui/session-context';
import { AdminProblem } from './AdminProblem';
import { ROLE_WORDS, STATUS_WORDS } from './admin-words';
import { PeopleList } from './PeopleList';
import { EMPTY_QUERY, hasFilters, isHeadOffice, type PeopleQuery, peopleFilters, queryKey, ROLES, STATUSES } from './people-query';
import { rememberPeople } from './person-cache';
import { usePaged } from './use-admin';
import { useDepartments, useStores } from './use-directory';
import './admin.css';

export function PeopleScreen() {
  const { api, me } = useSession();
  const { t } = useI18n();
  const [query, setQuery] = useState<PeopleQuery>(EMPTY_QUERY);
  const [typed, setTyped] = useState('');
  // On the phone the four filters fold under one button, so the list starts near the top.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const stores = useStores();
  const departments = useDepartments();
  const headOffice = isHeadOffice(me?.role);

  // The search goes out once typing pauses, not on every letter.
  useEffect(() => {
    const timer = setTimeout(() => setQuery((q) => (q.text === typed ? q : { ...q, text: typed })), 300);
    return () => clearTimeout(timer);
  }, [typed]);

  const list = usePaged(api, queryKey(query), async (online, after: Parameters<typeof peoplePage>[2], signal) => {
    const outcome = await peoplePage(online, peopleFilters(query), after, undefined, signal);
    if (!outcome.ok) return outcome;
    rememberPeople(outcome.data.people);
    return { ok: true, data: { rows: outcome.data.people, next: outcome.data.next } };
  });

  const set = (patch: Partial<PeopleQuery>) => setQuery((q) => ({ ...q, ...patch }));
  const chosen = [query.storeId, query.departmentId, query.role, query.status].filter(Boolean).length;
  const roles = headOffice ? ROLES : ROLES.filter((role) => role === 'staff' || role === 'manager');

  return (
    <section className="admin" aria-labelledby="people-heading">
      <div className="admin__head">
        <h1 id="people-heading">{t('admin.people.title')}</h1>
        <div className="admin__head-actions">
          {/* The store sheet: one printed QR code per person who has not activated yet. */}
          <button type="button" onClick={() => go('/activation-sheet')}>
            {t('admin.people.sheet')}
          </button>
          <button type="button" className="primary" onClick={() => go('/people/new')}>
            {t('admin.people.new')}
          </button>
        </div>
      </div>
      <form className="admin-filters" onSubmit={(event) => event.preventDefault()}>
        <div className="admin-filters__search">
          <label htmlFor="people-search">{t('admin.people.search')}</label>
          <input id="people-search" type="search" value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
        </div>
        <button
          type="button"
          className="admin-filters__toggle"
          aria-expanded={filtersOpen}
          aria-controls="people-filter-fields"
          onClick={() => setFiltersOpen((open) => !open)}
        >
          {chosen === 0 ? t('admin.filters.show') : t('admin.filters.showCount', { count: chosen })}
          <span aria-hidden="true">{filtersOpen ? ' ▴' : ' ▾'}</span>
        </button>
        <div id="people-filter-fields" className={filtersOpen ? 'admin-filters__fields admin-filters__fields--open' : 'admin-filters__fields'}>
          <div>
            <label htmlFor="people-store">{t('admin.filter.store')}</label>
            <select id="people-store" value={query.storeId} onChange={(e) => set({ storeId: e.target.value })}>
              <option value="">{t('admin.filter.any')}</option>
              {(stores.data ?? []).map((store) => (
                <option key={store.id} value={store.id}>
                  {store.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="people-department">{t('admin.filter.department')}</label>
            <select id="people-department" value={query.departmentId} onChange={(e) => set({ departmentId: e.target.value })}>
              <option value="">{t('admin.filter.any')}</option>
              {(departments.data ?? []).map((department) => (
                <option key={department.id} value={department.id}>
                  {department.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="people-role">{t('admin.filter.role')}</label>
            <select id="people-role" value={query.role} onChange={(e) => set({ role: e.target.value as PeopleQuery['role'] })}>
              <option value="">{t('admin.filter.any')}</option>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(ROLE_WORDS[role])}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="people-status">{t('admin.filter.status')}</label>
            <select id="people-status" value={query.status} onChange={(e) => set({ status: e.target.value as PeopleQuery['status'] })}>
              <option value="">{t('admin.filter.any')}</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(STATUS_WORDS[status])}
                </option>
              ))}
            </select>
          </div>
          {hasFilters(query) || typed ? (
            <button
              type="button"
              className="admin-filters__clear"
              onClick={() => {
                setTyped('');
                setQuery(EMPTY_QUERY);
              }}
            >
              {t('admin.filter.clear')}
            </button>
          ) : null}
        </div>
      </form>

      {list.failure ? <AdminProblem failure={list.failure} onRetry={list.reload} /> : null}
      <p className="muted" role="status" aria-live="polite" data-testid="people-count">
        {list.loading && list.rows.length === 0
          ? t('admin.loading')
          : list.rows.length === 0 && !list.failure
            ? t('admin.people.none')
            : t('admin.people.shown', { count: list.rows.length })}
      </p>
      {list.rows.length > 0 ? <PeopleList people={list.rows} /> : null}
      {list.hasMore ? (
        <button type="button" className="admin__more" disabled={list.loadingMore} onClick={list.loadMore}>
          {list.loadingMore ? t('admin.loading') : t('admin.loadMore')}
        </button>
      ) : null}
    </section>
  );
}
