/**
 * The compose directory on this phone: the stores, departments and member
 * counts per group a manager or HR may address, as compose_directory last
 * answered. Kept in IndexedDB so reach is counted offline; refreshed while
 * online (when the Briefings tab opens and after each sync). A failed refresh
 * keeps the copy it has.
 */
import type { CachedComposeDirectory, FrontlineDb } from '../db';
import type { OnlineApi, RefreshOutcome } from '../online-api';

/** The cached answer, or null when this phone has never fetched one. */
export async function cachedComposeDirectory(db: FrontlineDb): Promise<CachedComposeDirectory | null> {
  return (await db.composeDirectory.get('directory')) ?? null;
}

export async function refreshComposeDirectory(db: FrontlineDb, api: OnlineApi, now: () => Date): Promise<RefreshOutcome> {
  const outcome = await api.call('compose_directory', {});
  if (!outcome.ok) return outcome;
  await db.composeDirectory.put({ key: 'directory', directory: outcome.data, fetched_at: now().toISOString() });
  return { ok: true };
}
