/**
 * Data a screen needs offline that sync_pull does not carry (the compose
 * directory, and more per feature): fetched through the online API after a
 * sync succeeds, kept in IndexedDB, so the phone has a recent copy even for a
 * screen nobody opened while online. A failed refresh keeps the copy it has.
 */

import { refreshComposeDirectory } from './compose/directory';
import type { FrontlineDb } from './db';
import type { OnlineApi } from './online-api';
import type { MemberProfile } from './supabase/types';
import { refreshKudosWall, refreshStoreRoster } from './values/side-data';
import { hasStoreBoard, refreshInboxCount, refreshMyFeedback, refreshStoreBoard } from './voice/side-data';

export type SideDataName = 'compose_directory' | 'store_roster' | 'store_kudos' | 'my_feedback' | 'store_board' | 'inbox_open';

export interface SideData {
  name: SideDataName;
  /** Only for whom the call is allowed (the server refuses the rest anyway). */
  appliesTo(me: MemberProfile): boolean;
  refresh(db: FrontlineDb, api: OnlineApi, now: () => Date): Promise<unknown>;
}

const MANAGES = new Set<MemberProfile['role']>(['manager', 'hr', 'admin']);

export const SIDE_DATA: readonly SideData[] = [
  { name: 'compose_directory', appliesTo: (me) => MANAGES.has(me.role), refresh: refreshComposeDirectory },
  // Values (#5).
  { name: 'store_roster', appliesTo: (me) => me.store !== null, refresh: refreshStoreRoster },
  { name: 'store_kudos', appliesTo: () => true, refresh: refreshKudosWall },
  // Voice (#5).
  { name: 'my_feedback', appliesTo: () => true, refresh: refreshMyFeedback },
  { name: 'store_board', appliesTo: hasStoreBoard, refresh: refreshStoreBoard },
  { name: 'inbox_open', appliesTo: (me) => MANAGES.has(me.role), refresh: refreshInboxCount },
];

/**
 * Refreshes the copies that apply to this person (all of them, or only those
 * named: a screen that opens refreshes its own), side by side; failures are
 * left for the next sync.
 */
export async function refreshSideData(db: FrontlineDb, api: OnlineApi, me: MemberProfile, now: () => Date, only?: readonly SideDataName[]): Promise<void> {
  const chosen = SIDE_DATA.filter((data) => data.appliesTo(me) && (!only || only.includes(data.name)));
  await Promise.all(chosen.map((data) => data.refresh(db, api, now).catch(() => undefined)));
}
