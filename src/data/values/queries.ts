/**
 * Read-only views for the Values screen (used with useLiveQuery): the cards
 * in order, the colleagues to thank, and the kudos with why a refused one was
 * refused (the outbox keeps the server's answer under the kudos's own id).
 */

import { newestFirst } from '../../domain/kudos';
import { byPosition } from '../../domain/value-deck';
import type { FrontlineDb, LocalKudos } from '../db';
import type { StoreRosterEntry, ValueCard } from '../supabase/types';

export async function valueCardsInOrder(db: FrontlineDb): Promise<ValueCard[]> {
  return byPosition(await db.valueCards.toArray());
}

export function storeRoster(db: FrontlineDb): Promise<StoreRosterEntry[]> {
  return db.roster.orderBy('display_name').toArray();
}

export type WallKudos = LocalKudos & { rejection?: { code: string; message: string } };

/** Every kudos on the phone, newest first; refused ones carry the server's reason. */
export async function kudosOnWall(db: FrontlineDb): Promise<WallKudos[]> {
  const kudos = await db.kudos.toArray();
  const refusedIds = kudos.filter((k) => k.local_state === 'rejected').map((k) => k.id);
  const entries = refusedIds.length > 0 ? await db.outbox.where('id').anyOf(refusedIds).toArray() : [];
  const reasons = new Map(entries.flatMap((entry) => (entry.rejection ? [[entry.id, entry.rejection] as const] : [])));
  return newestFirst(kudos).map((k) => {
    const rejection = reasons.get(k.id);
    return rejection ? { ...k, rejection } : k;
  });
}
