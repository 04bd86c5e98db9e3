import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { syncMeta } from '../../data/queries';
import { refreshKudosWall, refreshStoreRoster } from '../../data/values-side-data';
import { useOnline } from '../../ui/use-online';
import { useSession } from '../../ui/session-context';

/**
 * The wall and the roster fresh when the tab opens online and after each sync
 * while it is open (the shell refreshes them at most every half minute). A
 * failed refresh changes nothing: the phone's copy stays on screen.
 */
export function useValuesRefresh(): void {
  const { db, api, me } = useSession();
  const online = useOnline();
  const lastSynced = useLiveQuery(() => syncMeta(db).then((meta) => meta.last_synced_at), [db]);
  const hasStore = me?.store != null;
  useEffect(() => {
    if (!api || !online) return;
    void refreshKudosWall(db, api);
    if (hasStore) void refreshStoreRoster(db, api);
  }, [db, api, online, lastSynced, hasStore]);
}
