import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { LocalBriefing } from '../db';
import { V1_ROWS } from '../schema-fixtures/v1';
import { commandContext } from '../testing/command-context';
import { briefingChoices } from './queries';

const t = commandContext();

describe('briefingChoices', () => {
  it('never names a briefing scheduled for later, judged by server time on a phone a day behind', async () => {
    const db = t.db();
    const deviceNow = Date.parse('2026-12-01T12:00:00Z');
    // The server is a day ahead of this phone's clock.
    await db.meta.put({ key: 'sync', cursor: 0, me: null, last_synced_at: null, first_sync: null, clock_offset_ms: 86_400_000 });
    const row = (over: Partial<LocalBriefing>): LocalBriefing =>
      ({ ...V1_ROWS.briefings[0], store_ids: [], department_ids: [], roles: [], ...over }) as LocalBriefing;
    await db.briefings.bulkPut([
      row({ id: 'b1000000-0000-4000-8000-000000000001', title: 'Out yesterday (server time)', publish_at: '2026-12-01T18:00:00Z' }),
      row({ id: 'b1000000-0000-4000-8000-000000000002', title: 'Tomorrow (server time)', publish_at: '2026-12-03T09:00:00Z' }),
    ]);
    expect((await briefingChoices(db, deviceNow)).map((c) => c.title)).toEqual(['Out yesterday (server time)']);
  });
});
