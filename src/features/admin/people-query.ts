/**
 * The people list's search and filters as the screen holds them (plain
 * strings, '' for "all") and as admin_people takes them, plus what a role may
 * be offered: a manager gives only the staff role and picks among the stores
 * they run (the server refuses the rest with role_not_allowed / store_not_managed).
 */
import type { PeopleFilters } from '../../data/admin/people';
import type { AdminPerson } from '../../data/supabase/types';
import type { PersonStatus } from './admin-words';

export type Role = AdminPerson['role'];
export const ROLES: readonly Role[] = ['staff', 'manager', 'hr', 'admin'];
export const STATUSES: readonly PersonStatus[] = ['active', 'inactive', 'not_activated'];

export interface PeopleQuery {
  text: string;
  storeId: string;
  departmentId: string;
  role: '' | Role;
  status: '' | PersonStatus;
}

export const EMPTY_QUERY: PeopleQuery = { text: '', storeId: '', departmentId: '', role: '', status: '' };

/** admin_people's arguments: an empty choice is no filter (null), the search trimmed. */
export function peopleFilters(query: PeopleQuery): PeopleFilters {
  const text = query.text.trim();
  return {
    p_query: text === '' ? null : text,
    p_store_id: query.storeId || null,
    p_department_id: query.departmentId || null,
    p_role: query.role || null,
    p_status: query.status || null,
  };
}

/** One string per distinct query: a new one starts the list again from the first page. */
export function queryKey(query: PeopleQuery): string {
  return JSON.stringify(peopleFilters(query));
}

export function hasFilters(query: PeopleQuery): boolean {
  return queryKey(query) !== queryKey(EMPTY_QUERY);
}

/** HR and admins: the organisation, every role, the stores a manager runs. */
export function isHeadOffice(role: Role | undefined): boolean {
  return role === 'hr' || role === 'admin';
}

/** The roles a person may give: HR all of them, a manager staff only. */
export function rolesOffered(viewer: Role | undefined): readonly Role[] {
  return isHeadOffice(viewer) ? ROLES : ['staff'];
}
