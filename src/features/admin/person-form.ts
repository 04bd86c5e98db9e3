/**
 * The person form's values and what a save sends: all fields for a new person,
 * only what changed for an existing one (admin_save_person keeps absent keys),
 * and the stores a manager runs only from HR.
 */
import type { AdminPerson, AdminPersonInput } from '../../data/supabase/types';
import type { Role } from './people-query';

export interface PersonValues {
  displayName: string;
  employeeId: string;
  email: string;
  phone: string;
  storeId: string;
  departmentId: string;
  role: Role;
  locale: 'en' | 'es';
  managedStoreIds: string[];
}

export function personValues(person: AdminPerson | null, defaults: { storeId?: string; locale?: 'en' | 'es' } = {}): PersonValues {
  return {
    displayName: person?.display_name ?? '',
    employeeId: person?.employee_id ?? '',
    email: person?.email ?? '',
    phone: person?.phone ?? '',
    storeId: person?.store_id ?? defaults.storeId ?? '',
    departmentId: person?.department_id ?? '',
    role: person?.role ?? 'staff',
    locale: person?.locale ?? defaults.locale ?? 'en',
    managedStoreIds: person?.managed_store_ids ?? [],
  };
}

export function personInput(values: PersonValues, before: AdminPerson | null, headOffice: boolean): AdminPersonInput {
  const all: AdminPersonInput = {
    display_name: values.displayName,
    employee_id: values.employeeId,
    email: values.email.trim() === '' ? null : values.email,
    phone: values.phone.trim() === '' ? null : values.phone,
    store_id: values.storeId || null,
    department_id: values.departmentId || null,
    role: values.role,
    locale: values.locale,
  };
  // HR alone chooses the stores a manager runs; someone who is no longer a manager runs none.
  if (headOffice) all.managed_store_ids = values.role === 'manager' ? [...values.managedStoreIds].sort() : [];
  if (!before) {
    if (!headOffice || values.role !== 'manager') delete all.managed_store_ids;
    return all;
  }
  const was = personInput(personValues(before), null, headOffice);
  if (headOffice) was.managed_store_ids = [...before.managed_store_ids].sort();
  const changed: AdminPersonInput = { id: before.id };
  for (const key of Object.keys(all) as (keyof AdminPersonInput)[]) {
    if (JSON.stringify(all[key]) !== JSON.stringify(was[key])) (changed as Record<string, unknown>)[key] = all[key];
  }
  return changed;
}
