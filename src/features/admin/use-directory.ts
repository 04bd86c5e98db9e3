/** The stores and departments the admin screens choose from (a manager's stores are the ones they run: the server scopes admin_stores). */
import { adminDepartments, adminStores } from '../../data/admin/stores';
import type { AdminDepartment, AdminStore } from '../../data/supabase/types';
import { useSession } from '../../ui/session-context';
import { type AdminLoad, useAdminLoad } from './use-admin';

export function useStores(): AdminLoad<AdminStore[]> {
  const { api } = useSession();
  return useAdminLoad(api, 'stores', (online, signal) => adminStores(online, signal));
}

export function useDepartments(): AdminLoad<AdminDepartment[]> {
  const { api } = useSession();
  return useAdminLoad(api, 'departments', (online, signal) => adminDepartments(online, signal));
}
