import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { acknowledgeBriefing } from './briefings/commands';
import { saveBriefing } from './compose/commands';
import { deliveryOf } from './delivery';
import { dismissRejected, retryRejected } from './outbox';
import { commandContext } from './testing/command-context';

const t = commandContext();
const briefing = { id: 'b0000000-0000-4000-8000-000000000001', version: 3, content_hash: 'f'.repeat(64) };

describe('dismissRejected', () => {
  it('removes only rejected entries', async () => {
    const waiting = await acknowledgeBriefing(t.ctx(), briefing);
    if (!waiting.ok) throw new Error('setup');
    await dismissRejected(t.ctx(), waiting.id);
    expect(await t.db().outbox.count()).toBe(1);
    await t
      .db()
      .outbox.where('id')
      .equals(waiting.id)
      .modify({ state: 'rejected', rejection: { code: 'x', message: 'y' } });
    await dismissRejected(t.ctx(), waiting.id);
    expect(await t.db().outbox.count()).toBe(0);
    expect(await t.db().acks.count()).toBe(0);
  });

  it('dismissing a refused publish also drops the briefing the server never had', async () => {
    const id = crypto.randomUUID();
    await saveBriefing(t.ctx(), { action: 'publish', briefing_id: id, title: 'Truck at 9', body: 'Clear bay 2', store_ids: [] });
    const [entry] = await t.db().outbox.toArray();
    await t
      .db()
      .outbox.toCollection()
      .modify({ state: 'rejected', rejection: { code: 'forbidden_audience', message: 'no' } });
    await t.db().briefings.update(id, { local_state: 'rejected' });
    await dismissRejected(t.ctx(), entry!.id);
    expect(await t.db().briefings.get(id)).toBeUndefined();
  });
});

describe('retryRejected', () => {
  it('sends a refused item again, cleaned, and marks its local row waiting again', async () => {
    const db = t.db();
    const id = crypto.randomUUID();
    await db.outbox.add({
      id,
      type: 'kudos',
      payload: { to_member_id: crypto.randomUUID(), message: 'Great\u0000job' },
      created_at: '2026-11-22T10:00:00Z',
      state: 'rejected',
      rejection: { code: 'unreadable', message: 'x' },
    });
    await db.acks.put({
      id: 'a',
      briefing_id: briefing.id,
      version: 3,
      content_hash: briefing.content_hash,
      acked_at: '2026-11-22T10:00:00Z',
      received_at: '2026-11-22T10:00:00Z',
      sync_seq: 0,
      local_state: 'rejected',
    });
    await db.outbox.add({
      id: 'a',
      type: 'ack',
      payload: { briefing_id: briefing.id, version: 3, content_hash: briefing.content_hash, acked_at: '2026-11-22T10:00:00Z' },
      created_at: '2026-11-22T10:00:00Z',
      state: 'rejected',
      rejection: { code: 'invalid_timestamp', message: 'x' },
    });
    expect(await retryRejected(t.ctx(), id)).toEqual({ ok: true });
    expect(await retryRejected(t.ctx(), 'a')).toEqual({ ok: true });
    const entries = await db.outbox.toArray();
    expect(entries.map((e) => [e.state, e.rejection])).toEqual([
      ['waiting', undefined],
      ['waiting', undefined],
    ]);
    expect((entries[0]!.payload as { message: string }).message).toBe('Greatjob');
    expect((await db.acks.get('a'))?.local_state).toBe('pending');
    expect(t.writes()).toBe(2);
  });
});

describe('deliveryOf', () => {
  it('is "on the phone" until the server confirms, "refused" when it refused, "sent" once the entry is gone', async () => {
    const ack = await acknowledgeBriefing(t.ctx(), { ...briefing, id: crypto.randomUUID() });
    if (!ack.ok) throw new Error('setup');
    expect(await deliveryOf(t.db(), ack.id)).toBe('on_phone');
    await t
      .db()
      .outbox.where('id')
      .equals(ack.id)
      .modify({ state: 'rejected', rejection: { code: 'x', message: 'y' } });
    expect(await deliveryOf(t.db(), ack.id)).toBe('refused');
    // What the sync engine does when the server confirms: the entry leaves the outbox.
    await t.db().outbox.where('id').equals(ack.id).delete();
    expect(await deliveryOf(t.db(), ack.id)).toBe('sent');
  });
});
