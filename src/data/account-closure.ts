/**
 * A closed account on this phone. Deactivating a member closes their account on the
 * server: every call refuses them with `member_inactive` but sync_push, which for 30
 * days still takes acknowledgements of what the phone was shown (audit evidence) and
 * refuses the rest. The sync engine stops with the problem `deactivated` only after its
 * last push was answered, so by then everything the server would take has been
 * offered; what is left on the phone (content, refused items, side data) belongs to
 * nobody here any more and is wiped.
 */
import Dexie from 'dexie';
import { databaseName } from './db';
import type { SyncStatus } from './sync/engine';

/** The wipe decision: the server said this account is closed, and the engine has offered everything waiting. */
export function accountClosed(status: SyncStatus): boolean {
  return status.phase === 'stopped' && status.problem?.code === 'deactivated';
}

/**
 * Deletes this person's local database: content, outbox and side data. Other tabs'
 * connections are closed by Dexie when the deletion asks them to; repeating it is harmless.
 */
export async function wipeLocalData(userId: string): Promise<void> {
  await Dexie.delete(databaseName(userId));
}
