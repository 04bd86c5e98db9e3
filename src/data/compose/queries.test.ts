import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../command-core';
import { type FrontlineDb, openDatabase } from '../db';
import { V1_ROWS } from '../schema-fixtures/v1';
import { saveBriefing } from './commands';
import { authoredBriefings } from './queries';

const ME = 'a0000000-0000-4000-8000-00000000000a';
let db: FrontlineDb;
let ctx: CommandContext;

beforeEach(async () => {
  db = openDatabase(crypto.randomUUID());
  ctx = { db, now: () => new Date('2026-11-22T10:00:00Z'), newId: () => crypto.randomUUID(), afterWrite: () => {} };
  await db.meta.put({
    key: 'sync',
    cursor: 0,
    last_synced_at: null,
    first_sync: null,
    me: {
      member_id: ME,
      user_id: crypto.randomUUID(),
      display_name: 'Dana',
      email: 'd@x',
      role: 'manager',
      locale: 'en',
      organization: { id: crypto.randomUUID(), name: 'O' },
      store: null,
      department: null,
      managed_store_ids: [],
      answered_pulse_ids: [],
    },
  });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('authoredBriefings', () => {
  it('lists only what this person wrote: queued first, then sent at its version', async () => {
    await db.briefings.put({ ...V1_ROWS.briefings[0], store_ids: [], department_ids: [], roles: [], author_id: ME, version: 2 });
    await db.briefings.put({ ...V1_ROWS.briefings[0], store_ids: [], department_ids: [], roles: [], id: crypto.randomUUID() });
    const queuedId = crypto.randomUUID();
    await saveBriefing(ctx, { action: 'publish', briefing_id: queuedId, title: 'Truck at 9', body: 'Clear bay 2', store_ids: [] });

    const list = await authoredBriefings(db, ME);
    expect(list.map(({ briefing, state }) => [briefing.id, state])).toEqual([
      [queuedId, { kind: 'will_send' }],
      [V1_ROWS.briefings[0].id, { kind: 'sent', version: 2 }],
    ]);
  });

  it("shows the server's reason for a refused briefing", async () => {
    const id = crypto.randomUUID();
    await saveBriefing(ctx, { action: 'publish', briefing_id: id, title: 'Truck at 9', body: 'Clear bay 2', store_ids: [] });
    await db.outbox
      .toCollection()
      .modify({ state: 'rejected', rejection: { code: 'forbidden_audience', message: 'Managers can send briefings only to stores they manage' } });
    await db.briefings.update(id, { local_state: 'rejected' });

    const [row] = await authoredBriefings(db, ME);
    expect(row?.state).toEqual({ kind: 'rejected', code: 'forbidden_audience', message: 'Managers can send briefings only to stores they manage' });
  });
});
