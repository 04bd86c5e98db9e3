import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { commandContext } from '../testing/command-context';
import { saveBriefing } from './commands';

const t = commandContext();

it('a briefing composed offline shows as pending until sent', async () => {
  const id = crypto.randomUUID();
  const result = await saveBriefing(t.ctx(), { action: 'publish', briefing_id: id, title: 'Truck at 9', body: 'Clear bay 2', store_ids: [] });
  expect(result.ok).toBe(true);
  expect(await t.db().briefings.get(id)).toMatchObject({ title: 'Truck at 9', local_state: 'pending' });
  expect((await t.db().outbox.toArray())[0]?.payload).toMatchObject({ action: 'publish', briefing_id: id });
});

it('retracting a briefing the server refused to publish drops it here and queues nothing', async () => {
  const id = crypto.randomUUID();
  await saveBriefing(t.ctx(), { action: 'publish', briefing_id: id, title: 'Truck at 9', body: 'Clear bay 2', store_ids: [] });
  await t
    .db()
    .outbox.toCollection()
    .modify({ state: 'rejected', rejection: { code: 'forbidden_audience', message: 'no' } });
  await t.db().briefings.update(id, { local_state: 'rejected' });

  expect((await saveBriefing(t.ctx(), { action: 'retract', briefing_id: id })).ok).toBe(true);
  expect(await t.db().briefings.get(id)).toBeUndefined();
  expect(await t.db().outbox.count()).toBe(0);
});

it('retracting a briefing whose publish may still be on its way queues a retract behind it', async () => {
  const id = crypto.randomUUID();
  await saveBriefing(t.ctx(), { action: 'publish', briefing_id: id, title: 'Truck at 9', body: 'Clear bay 2', store_ids: [] });
  expect((await saveBriefing(t.ctx(), { action: 'retract', briefing_id: id })).ok).toBe(true);
  expect((await t.db().outbox.orderBy('seq').toArray()).map((e) => (e.payload as { action: string }).action)).toEqual(['publish', 'retract']);
});
