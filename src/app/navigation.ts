/**
 * Where a person can go, by role, read from the table of screens. The bottom
 * bar holds five places at most, so one-handed taps stay large at 390 px:
 * staff get their four sections and Account; managers and HR get their daily
 * tools (briefings, voice inbox, reports) and "More" for the rest. Before the
 * first sync says who this is, only what every role has in the same place, so
 * no tap lands on the wrong screen. The server enforces what each role may do.
 */
import type { PlainKey } from '../ui/i18n/messages';
import { matchPath, type Params } from '../ui/router/match';
import { EVERYONE, type Role, SCREEN_IDS, SCREENS, type ScreenEntry, type ScreenId } from './screens';

type RoleOrUnknown = Role | undefined;

export function tabsFor(role: RoleOrUnknown): ScreenId[] {
  const viewer = role ?? 'unknown';
  return SCREEN_IDS.filter((id) => (screenOf(id).bar ?? []).includes(viewer));
}

/** The screens "More" lists: every labelled screen the role may open that is not on its bar. */
export function moreFor(role: RoleOrUnknown): ScreenId[] {
  if (role === undefined) return [];
  const onBar = new Set(tabsFor(role));
  return SCREEN_IDS.filter((id) => screenOf(id).label !== undefined && screenOf(id).roles.includes(role) && !onBar.has(id));
}

/** The tab that shows as current: the screen's own (or the one it sits within), or "More" for one reached through it. */
export function currentTab(id: ScreenId, role: RoleOrUnknown): ScreenId {
  const tab = (screenOf(id).within ?? id) as ScreenId;
  return tabsFor(role).includes(tab) ? tab : moreFor(role).includes(tab) ? 'more' : 'today';
}

/** Whether this person may open it: 'unknown' while their role is, for a screen not every role has. */
export function access(id: ScreenId, role: RoleOrUnknown): 'open' | 'forbidden' | 'unknown' {
  const { roles } = screenOf(id);
  if (role === undefined) return EVERYONE.every((r) => roles.includes(r)) ? 'open' : 'unknown';
  return roles.includes(role) ? 'open' : 'forbidden';
}

/** The screen an address opens, with its params; null for an address the app does not have. */
export function route(path: string): { id: ScreenId; params: Params } | null {
  for (const id of SCREEN_IDS) {
    const params = matchPath(screenOf(id).path, path);
    if (params) return { id, params };
  }
  return null;
}

/** The words for a place on the bar or in More; only labelled screens are ever there. */
export function labelOf(id: ScreenId): PlainKey {
  const { label } = screenOf(id);
  if (!label) throw new Error(`screen ${id} has no label`);
  return label;
}

function screenOf(id: ScreenId): ScreenEntry {
  return SCREENS[id];
}
