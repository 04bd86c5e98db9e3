import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { cachedComposeDirectory, refreshComposeDirectory } from '../../data/compose-directory';
import type { CachedComposeDirectory } from '../../data/db';
import { syncMeta } from '../../data/queries';
import { useOnline } from '../../ui/use-online';
import { useSession } from '../../ui/session-context';

/**
 * The compose directory from the phone's cache (undefined while reading, null
 * when never fetched), refreshed when the tab opens online and after each sync.
 * A failed refresh changes nothing on screen: the cached copy still counts.
 */
export function useComposeDirectory(): CachedComposeDirectory | null | undefined {
  const { db, api, commands } = useSession();
  const online = useOnline();
  const lastSynced = useLiveQuery(() => syncMeta(db).then((meta) => meta.last_synced_at), [db]);
  useEffect(() => {
    if (api && online) void refreshComposeDirectory(db, api, commands.now);
  }, [db, api, commands, online, lastSynced]);
  return useLiveQuery(() => cachedComposeDirectory(db), [db]);
}
