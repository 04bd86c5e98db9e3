import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { briefingRow, FakeServer } from '../sync/testing/fake-server';
import { freshDatabase } from '../testing/fresh-database';
import { countToAcknowledge } from './queries';

const db = freshDatabase();

describe('countToAcknowledge (the app badge)', () => {
  it('counts by server time, as Today does: a phone a day behind still counts a briefing that is live on the server', async () => {
    const publishedAt = Date.parse('2026-11-22T08:00:00Z');
    const dayBehind = publishedAt - 24 * 3_600_000;
    // Needs acknowledging, written by someone else, published at 08:00 server time.
    await db().briefings.put({ ...briefingRow(1, 1), publish_at: new Date(publishedAt).toISOString() });
    await db().meta.put({ key: 'sync', cursor: 1, me: new FakeServer().me, last_synced_at: null, first_sync: null, clock_offset_ms: null });
    expect(await countToAcknowledge(db(), dayBehind + 3_600_000)).toBe(0);

    await db().meta.update('sync', { clock_offset_ms: 24 * 3_600_000 });
    expect(await countToAcknowledge(db(), dayBehind + 3_600_000)).toBe(1);
  });
});
