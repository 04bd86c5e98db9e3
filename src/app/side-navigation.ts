/**
 * The wide layout's side navigation (≥ 1024 px), read from the table of
 * screens: every labelled screen the role may open, in table order, grouped as
 * people look for them: their day, the tools for running the team (`manage` in
 * the table), their account. More is left out: at that width everything it
 * lists is on show. Before the first sync says who this is, the same places as
 * the bar, so nothing offered turns out to be another role's. Kept apart from
 * navigation.ts so it loads with the side navigation, not in the phone's first
 * download.
 */
import { tabsFor } from './navigation';
import { type Role, SCREEN_IDS, SCREENS, type ScreenEntry, type ScreenId } from './screens';

export type NavGroup = 'daily' | 'manage' | 'account';
export interface NavSection {
  group: NavGroup;
  screens: ScreenId[];
}

const GROUPS: readonly NavGroup[] = ['daily', 'manage', 'account'];

export function sideNavFor(role: Role | undefined): NavSection[] {
  const places =
    role === undefined ? tabsFor(undefined) : SCREEN_IDS.filter((id) => id !== 'more' && entry(id).label !== undefined && entry(id).roles.includes(role));
  const groupOf = (id: ScreenId): NavGroup => (id === 'account' ? 'account' : role && entry(id).manage?.includes(role) ? 'manage' : 'daily');
  return GROUPS.map((group) => ({ group, screens: places.filter((id) => groupOf(id) === group) })).filter((section) => section.screens.length > 0);
}

/** The place marked current: the screen itself or the one it sits within, when the navigation lists it. */
export function currentPlace(id: ScreenId | undefined, sections: readonly NavSection[]): ScreenId | undefined {
  if (id === undefined) return undefined;
  const place = (entry(id).within ?? id) as ScreenId;
  return sections.some((section) => section.screens.includes(place)) ? place : undefined;
}

function entry(id: ScreenId): ScreenEntry {
  return SCREENS[id];
}
