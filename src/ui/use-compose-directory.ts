import { useLiveQuery } from 'dexie-react-hooks';
import { cachedComposeDirectory } from '../data/compose/directory';
import type { CachedComposeDirectory } from '../data/db';
import { useSession } from './session-context';
import { useSideDataRefresh } from './use-side-data-refresh';

const OWN_COPIES = ['compose_directory'] as const;

/**
 * The compose directory from the phone's cache (undefined while reading, null
 * when never fetched), for every screen that picks an audience (briefings,
 * lessons, pulses); refreshed while such a screen is open.
 * A failed refresh changes nothing on screen: the cached copy still counts.
 */
export function useComposeDirectory(): CachedComposeDirectory | null | undefined {
  const { db } = useSession();
  useSideDataRefresh(OWN_COPIES);
  return useLiveQuery(() => cachedComposeDirectory(db), [db]);
}
