import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { readMeta } from '../data/db';
import { refreshSideData, type SideDataName } from '../data/side-data';
import { useSession } from './session-context';
import { useOnline } from './use-online';

/**
 * Keeps a screen's own copies fresh while it is open: when it opens online,
 * when the network comes back, and after each sync (the shell refreshes every
 * copy after a sync too, but at most every half minute). A failed refresh
 * changes nothing on screen: the phone's copy stays.
 */
export function useSideDataRefresh(names: readonly SideDataName[]): void {
  const { db, api, me, commands } = useSession();
  const online = useOnline();
  const lastSynced = useLiveQuery(() => readMeta(db).then((meta) => meta.last_synced_at), [db]);
  const key = names.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `names` may be a new array each render, so `key` (its content) stands for it; lastSynced is the trigger for the refresh after each sync.
  useEffect(() => {
    if (api && online && me) void refreshSideData(db, api, me, commands.now, names);
  }, [db, api, me, commands, online, lastSynced, key]);
}
