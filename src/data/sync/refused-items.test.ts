import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FrontlineDb, type OutboxEntry, openDatabase } from '../db';
import { refusedItems } from './refused-items';
import { briefingRow } from './testing/fake-server';

let db: FrontlineDb;
beforeEach(() => {
  db = openDatabase(randomUUID());
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function refused(entry: Pick<OutboxEntry, 'type' | 'payload'>, code: string): OutboxEntry {
  return {
    ...entry,
    id: randomUUID(),
    created_at: '2026-11-22T10:00:00Z',
    state: 'rejected',
    rejection: { code, message: 'words from the server' },
  } as OutboxEntry;
}

describe('refusedItems', () => {
  it("names each item by what it was about, from the phone's own data, and says whether trying again can help", async () => {
    const sam = randomUUID();
    const briefing = { ...briefingRow(1, 1), title: 'Fire exits' };
    await db.roster.put({ member_id: sam, display_name: 'Sam Lee', department_id: null, department_name: null });
    await db.briefings.put(briefing);
    await db.outbox.bulkAdd([
      refused({ type: 'kudos', payload: { to_member_id: sam, message: 'Great\u0000 job on the fire drill today, thank you so much!' } }, 'unreadable'),
      refused(
        { type: 'ack', payload: { briefing_id: briefing.id, version: 1, content_hash: briefing.content_hash, acked_at: '2026-11-22T10:00:00Z' } },
        'server_error',
      ),
      refused({ type: 'ack', payload: { briefing_id: randomUUID(), version: 1, content_hash: 'x', acked_at: '2026-11-22T10:00:00Z' } }, 'invalid_timestamp'),
      refused({ type: 'feedback', payload: { kind: 'praise', recipient: 'store', body: 'Short', anonymous: false } }, 'too_long'),
    ]);
    const items = await refusedItems(db);
    expect(items.map((item) => [item.subject, item.kind])).toEqual([
      [{ type: 'kudos', to: 'Sam Lee', excerpt: 'Great job on the fire drill t…' }, 'unreadable'],
      [{ type: 'ack', briefing: 'Fire exits' }, 'server_error'],
      [{ type: 'ack', briefing: null }, 'obsolete'],
      [{ type: 'feedback', excerpt: 'Short' }, 'final'],
    ]);
  });
});
