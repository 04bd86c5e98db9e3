/**
 * People for the admin screens (#12): one page of a search, a save and a
 * deactivation, each a single online call. The server decides who may do what
 * (a manager only staff of the stores they run); these answer its codes.
 * Text is cleaned and trimmed the way every command cleans it before it leaves.
 */
import { cleanText } from '../command-core';
import type { OnlineApi } from '../online-api';
import type { AdminPeopleCursor, AdminPeoplePage, AdminPerson, AdminPersonInput, RpcArgs } from '../supabase/types';
import { type AdminOutcome, adminOutcome } from './outcome';

export type PeopleFilters = Omit<RpcArgs['admin_people'], 'p_after' | 'p_limit'>;

/** Rows a page asks for by default (the server takes 1..200). */
export const PEOPLE_PAGE_SIZE = 50;

/** One page of people matching the filters, after `after` (the previous page's next). */
export async function peoplePage(
  api: OnlineApi,
  filters: PeopleFilters,
  after: AdminPeopleCursor | null = null,
  limit = PEOPLE_PAGE_SIZE,
  signal?: AbortSignal,
): Promise<AdminOutcome<AdminPeoplePage>> {
  const query = filters.p_query?.trim();
  return adminOutcome(await api.call('admin_people', { ...filters, p_query: query ? query : null, p_after: after, p_limit: limit }, signal));
}

const TEXT_FIELDS = ['display_name', 'employee_id', 'email', 'phone'] as const;

/** Creates (no id) or updates a person; on update only the keys given change, and null clears an optional field. */
export async function savePerson(api: OnlineApi, input: AdminPersonInput): Promise<AdminOutcome<AdminPerson>> {
  const person: AdminPersonInput = { ...input };
  for (const key of TEXT_FIELDS) {
    const value = person[key];
    if (typeof value === 'string') {
      const cleaned = cleanText(value).trim();
      // An empty optional field means "none"; an empty required one is the server's missing_field.
      (person as Record<string, unknown>)[key] = cleaned === '' && (key === 'email' || key === 'phone') ? null : cleaned;
    }
  }
  return adminOutcome(await api.call('admin_save_person', { p_person: person }));
}

/** Deactivates (active false) or reactivates a person; the reason goes to the admin log. */
export async function setPersonActive(api: OnlineApi, memberId: string, active: boolean, reason?: string): Promise<AdminOutcome<AdminPerson>> {
  const cleaned = reason === undefined ? '' : cleanText(reason).trim();
  return adminOutcome(await api.call('admin_set_person_active', { p_member_id: memberId, p_active: active, p_reason: cleaned === '' ? null : cleaned }));
}

/** One person by id (the person screen opened from its address); unknown and out-of-scope ids are both person_not_managed. */
export async function personById(api: OnlineApi, id: string, signal?: AbortSignal): Promise<AdminOutcome<AdminPerson>> {
  return adminOutcome(await api.call('admin_person', { p_id: id }, signal));
}
