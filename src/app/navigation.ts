/**
 * Where a person can go, by role. The bottom bar holds five places at most,
 * so one-handed taps stay large at 390 px: staff get their four sections and
 * Account; managers and HR get their daily tools (briefings, voice inbox,
 * reports) and "More" for the rest. The server enforces what each role may
 * do; this only keeps the screen tidy.
 */
import type { MemberProfile } from '../data/supabase/types';

export type Screen = 'today' | 'values' | 'learn' | 'voice' | 'briefings' | 'insights' | 'account' | 'more';

export function tabsFor(role: MemberProfile['role'] | undefined): Screen[] {
  if (role === 'manager' || role === 'hr' || role === 'admin') return ['today', 'briefings', 'voice', 'insights', 'more'];
  if (role === 'staff') return ['today', 'values', 'learn', 'voice', 'account'];
  // Before the first sync says who this is: only what every role has in the same place, so no tap lands on the wrong screen.
  return ['today', 'account'];
}

/** The screens "More" lists: every screen the role has that is not on the bar. */
export function moreFor(role: MemberProfile['role'] | undefined): Screen[] {
  if (role === undefined) return [];
  const onBar = new Set(tabsFor(role));
  return (['values', 'learn', 'account'] as const).filter((screen) => !onBar.has(screen));
}

/** The tab that shows as current: the screen itself, or "More" for a screen reached through it. */
export function currentTab(screen: Screen, role: MemberProfile['role'] | undefined): Screen {
  return tabsFor(role).includes(screen) ? screen : moreFor(role).includes(screen) ? 'more' : 'today';
}
