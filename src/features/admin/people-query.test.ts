import { describe, expect, it } from 'vitest';
import type { AdminPerson } from '../../data/supabase/types';
import { logFilters } from './AdminLogScreen';
import { changeLines } from './log-entry';
import { EMPTY_QUERY, hasFilters, peopleFilters, queryKey, rolesOffered } from './people-query';
import { personInput, personValues } from './person-form';

const STORE = '5a000000-0000-4000-8000-000000000001';
const OTHER = '5a000000-0000-4000-8000-000000000002';

const person: AdminPerson = {
  id: '3e000000-0000-4000-8000-000000000004',
  display_name: 'Alex Kim',
  employee_id: 'E1004',
  email: null,
  phone: null,
  role: 'staff',
  locale: 'en',
  active: true,
  has_login: true,
  store_id: STORE,
  store_name: 'Downtown',
  store_code: 'DTN',
  department_id: null,
  department_name: null,
  managed_store_ids: [],
  updated_at: '2026-12-05T10:00:00Z',
};

describe('people query', () => {
  it('sends no filter for "all" and the search trimmed', () => {
    expect(peopleFilters(EMPTY_QUERY)).toEqual({ p_query: null, p_store_id: null, p_department_id: null, p_role: null, p_status: null });
    expect(peopleFilters({ ...EMPTY_QUERY, text: '  kim ', storeId: STORE, role: 'staff', status: 'not_activated' })).toEqual({
      p_query: 'kim',
      p_store_id: STORE,
      p_department_id: null,
      p_role: 'staff',
      p_status: 'not_activated',
    });
  });

  it('starts the list again only when the query means something new', () => {
    expect(queryKey({ ...EMPTY_QUERY, text: 'kim ' })).toBe(queryKey({ ...EMPTY_QUERY, text: ' kim' }));
    expect(queryKey({ ...EMPTY_QUERY, text: 'kim' })).not.toBe(queryKey({ ...EMPTY_QUERY, text: 'kim', status: 'inactive' }));
    expect(hasFilters({ ...EMPTY_QUERY, text: '   ' })).toBe(false);
    expect(hasFilters({ ...EMPTY_QUERY, departmentId: 'd' })).toBe(true);
  });

  it('offers a manager the staff role only', () => {
    expect(rolesOffered('manager')).toEqual(['staff']);
    expect(rolesOffered('hr')).toEqual(['staff', 'manager', 'hr', 'admin']);
    expect(rolesOffered('admin')).toContain('hr');
  });
});

describe('person save', () => {
  it('sends every field for a new person, and the stores a manager runs only from HR', () => {
    const values = { ...personValues(null), displayName: 'Lee', employeeId: 'E9', storeId: STORE, role: 'manager' as const, managedStoreIds: [OTHER, STORE] };
    expect(personInput(values, null, true)).toEqual({
      display_name: 'Lee',
      employee_id: 'E9',
      email: null,
      phone: null,
      store_id: STORE,
      department_id: null,
      role: 'manager',
      locale: 'en',
      managed_store_ids: [STORE, OTHER],
    });
    expect(personInput({ ...values, role: 'staff' }, null, false)).not.toHaveProperty('managed_store_ids');
  });

  it('sends only what changed for an existing person', () => {
    expect(personInput(personValues(person), person, false)).toEqual({ id: person.id });
    expect(personInput({ ...personValues(person), storeId: OTHER }, person, false)).toEqual({ id: person.id, store_id: OTHER });
    expect(personInput({ ...personValues(person), email: ' ' }, person, true)).toEqual({ id: person.id });
    expect(personInput({ ...personValues(person), role: 'manager', managedStoreIds: [STORE] }, person, true)).toEqual({
      id: person.id,
      role: 'manager',
      managed_store_ids: [STORE],
    });
  });
});

describe('admin log', () => {
  it('builds filters from the form: whole local days, the end day included', () => {
    expect(logFilters('', '', '')).toEqual({});
    const filters = logFilters('person_updated', '2026-12-01', '2026-12-05');
    expect(filters.action).toBe('person_updated');
    expect(filters.from).toBe(new Date(2026, 11, 1).toISOString());
    expect(filters.to).toBe(new Date(2026, 11, 6).toISOString());
  });

  it('reads a change as field: before → after, without ids beside names', () => {
    expect(changeLines({ before: { store_id: 'a', store: 'DTN' }, after: { store_id: 'b', store: 'RVS' } })).toEqual([
      { field: 'store', before: 'DTN', after: 'RVS' },
    ]);
    expect(changeLines({ before: null, after: { display_name: 'Lee', email: null } })).toEqual([
      { field: 'display_name', before: null, after: 'Lee' },
      { field: 'email', before: null, after: '—' },
    ]);
    const words = {
      role: (r: string) => (r === 'staff' ? 'Staff' : null),
      locale: (l: string) => (l === 'es' ? 'Spanish' : null),
      active: (a: boolean) => (a ? 'Active' : 'Deactivated'),
    };
    expect(changeLines({ before: { active: true, role: 'staff', locale: 'en' }, after: { active: false, role: 'boss', locale: 'es' } }, words)).toEqual([
      { field: 'active', before: 'Active', after: 'Deactivated' },
      { field: 'role', before: 'Staff', after: 'boss' },
      { field: 'locale', before: 'en', after: 'Spanish' },
    ]);
  });

  it('words an activation code entry’s facts: its true/false fields and its expiry time', () => {
    const words = {
      role: () => null,
      locale: () => null,
      active: (a: boolean) => (a ? 'Active' : 'Deactivated'),
      yesNo: (yes: boolean) => (yes ? 'Yes' : 'No'),
      when: (iso: string) => `at ${iso.slice(0, 10)}`,
    };
    expect(changeLines({ before: null, after: { expires_at: '2026-12-19T23:40:00+00:00', replaced_code: true, has_login: false } }, words)).toEqual([
      { field: 'expires_at', before: null, after: 'at 2026-12-19' },
      { field: 'replaced_code', before: null, after: 'Yes' },
      { field: 'has_login', before: null, after: 'No' },
    ]);
  });
});
