/**
 * How many people a briefing's audience reaches, from per-(store, department,
 * role) member counts the phone keeps, so a manager sees "reaches 14 people at
 * Downtown" before sending, even offline. Empty lists mean "everyone".
 */
export interface Audience {
  store_ids: readonly string[];
  department_ids: readonly string[];
  roles: readonly string[];
}

export interface ReachGroup {
  store_id: string | null;
  department_id: string | null;
  role: string;
  members: number;
}

export function reachOf(audience: Audience, groups: readonly ReachGroup[]): { total: number; byStore: Map<string, number> } {
  const byStore = new Map<string, number>();
  let total = 0;
  for (const group of groups) {
    if (!includesMember(audience, group)) continue;
    total += group.members;
    if (group.store_id) byStore.set(group.store_id, (byStore.get(group.store_id) ?? 0) + group.members);
  }
  return { total, byStore };
}

/** The same audience match as the server's private.audience_includes. */
export function includesMember(audience: Audience, member: { store_id: string | null; department_id: string | null; role: string }): boolean {
  return inList(audience.store_ids, member.store_id) && inList(audience.department_ids, member.department_id) && inList(audience.roles, member.role);
}

function inList(list: readonly string[], value: string | null): boolean {
  return list.length === 0 || (value !== null && list.includes(value));
}
