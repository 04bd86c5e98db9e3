import type { MemberProfile } from './supabase/types';

/**
 * The time zone this person's days are counted in ("today", "overdue", "due by"):
 * their store's, or the phone's for someone without a store (HR at head office).
 */
export function storeTimeZone(me: MemberProfile | null | undefined): string {
  return me?.store?.time_zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
