/**
 * Stores and departments for the admin screens (#12): the lists with their
 * counts of active people (a manager gets the stores they run) and HR's saves.
 */
import { cleanText } from '../command-core';
import type { OnlineApi } from '../online-api';
import type { AdminDepartment, AdminStore, AdminStoreInput } from '../supabase/types';
import { type AdminOutcome, adminOutcome } from './outcome';

export async function adminStores(api: OnlineApi, signal?: AbortSignal): Promise<AdminOutcome<AdminStore[]>> {
  return adminOutcome(await api.call('admin_stores', {}, signal));
}

export async function adminDepartments(api: OnlineApi, signal?: AbortSignal): Promise<AdminOutcome<AdminDepartment[]>> {
  return adminOutcome(await api.call('admin_departments', {}, signal));
}

/** HR: creates (no id) or updates a store; on update only the keys given change. */
export async function saveStore(api: OnlineApi, input: AdminStoreInput): Promise<AdminOutcome<AdminStore>> {
  const store: AdminStoreInput = { ...input };
  if (typeof store.name === 'string') store.name = cleanText(store.name).trim();
  if (typeof store.code === 'string') store.code = store.code.trim();
  if (typeof store.time_zone === 'string') store.time_zone = store.time_zone.trim();
  if (typeof store.region === 'string') store.region = cleanText(store.region).trim() || null;
  return adminOutcome(await api.call('admin_save_store', { p_store: store }));
}

/** HR: creates (no id) or renames a department. */
export async function saveDepartment(api: OnlineApi, input: { id?: string | null; name: string }): Promise<AdminOutcome<AdminDepartment>> {
  return adminOutcome(await api.call('admin_save_department', { p_department: { ...input, name: cleanText(input.name).trim() } }));
}
