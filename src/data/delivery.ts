import type { FrontlineDb } from './db';

/** Where one action a command wrote stands: still on the phone, refused by the server, or sent (its entry is gone once the server confirmed it). */
export type Delivery = 'on_phone' | 'refused' | 'sent';

export async function deliveryOf(db: FrontlineDb, entryId: string): Promise<Delivery> {
  const entry = await db.outbox.where('id').equals(entryId).first();
  if (!entry) return 'sent';
  return entry.state === 'rejected' ? 'refused' : 'on_phone';
}
