import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeBriefing, dismissRejected, retryRejected, saveBriefing, type CommandContext } from './commands';
import { giveKudos } from './kudos-commands';
import { answerPulse, sendFeedback } from './voice-commands';
import { openDatabase, type FrontlineDb } from './db';

let db: FrontlineDb;
let writes: number;
let ctx: CommandContext;
const briefing = { id: 'b0000000-0000-4000-8000-000000000001', version: 3, content_hash: 'f'.repeat(64) };

beforeEach(() => {
  db = openDatabase(crypto.randomUUID());
  writes = 0;
  ctx = { db, now: () => new Date('2026-11-22T10:00:00Z'), newId: () => crypto.randomUUID(), afterWrite: () => { writes++; } };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('commands', () => {
  it('acknowledge writes the local ack and its outbox entry together, naming version and hash', async () => {
    const result = await acknowledgeBriefing(ctx, briefing);
    expect(result.ok).toBe(true);
    const [entry] = await db.outbox.toArray();
    const [ack] = await db.acks.toArray();
    expect(entry).toMatchObject({ type: 'ack', state: 'waiting', payload: { briefing_id: briefing.id, version: 3, content_hash: briefing.content_hash } });
    expect(ack).toMatchObject({ id: entry!.id, local_state: 'pending', version: 3 });
    expect(writes).toBe(1);
  });

  it('invalid input writes nothing and says why', async () => {
    const results = [
      await sendFeedback(ctx, { kind: 'praise', recipient: 'store', body: '   ', anonymous: false }),
      await giveKudos(ctx, { to_member_id: 'not-a-uuid', message: 'hi' }),
      await saveBriefing(ctx, { action: 'publish', briefing_id: crypto.randomUUID(), title: '', body: 'x' }),
      await sendFeedback(ctx, { kind: 'praise', recipient: 'store', body: 'x'.repeat(4001), anonymous: false }),
    ];
    for (const result of results) expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await db.outbox.count()).toBe(0);
    expect(writes).toBe(0);
  });

  it('a full disk comes back as a value, and nothing half-written stays', async () => {
    db.outbox.hook('creating', () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    });
    const result = await acknowledgeBriefing(ctx, briefing);
    expect(result).toMatchObject({ ok: false, reason: 'storage_full' });
    expect(await db.acks.count()).toBe(0);
  });

  it('a briefing composed offline shows as pending until sent', async () => {
    const id = crypto.randomUUID();
    const result = await saveBriefing(ctx, { action: 'publish', briefing_id: id, title: 'Truck at 9', body: 'Clear bay 2', store_ids: [] });
    expect(result.ok).toBe(true);
    expect(await db.briefings.get(id)).toMatchObject({ title: 'Truck at 9', local_state: 'pending' });
    expect((await db.outbox.toArray())[0]?.payload).toMatchObject({ action: 'publish', briefing_id: id });
  });

  it('answering a pulse marks it answered on this phone at once', async () => {
    await db.meta.put({ key: 'sync', cursor: 0, last_synced_at: null, first_sync: null, me: {
      member_id: crypto.randomUUID(), user_id: crypto.randomUUID(), display_name: 'A', email: 'a@x', role: 'staff', locale: 'en',
      organization: { id: crypto.randomUUID(), name: 'O' }, store: null, department: null, managed_store_ids: [], answered_pulse_ids: [],
    } });
    const pulseId = crypto.randomUUID();
    expect((await answerPulse(ctx, { pulse_id: pulseId, score: 9 })).ok).toBe(true);
    expect((await db.meta.get('sync'))?.me?.answered_pulse_ids).toEqual([pulseId]);
  });

  it('dismiss removes only rejected entries', async () => {
    const waiting = await acknowledgeBriefing(ctx, briefing);
    if (!waiting.ok) throw new Error('setup');
    await dismissRejected(ctx, waiting.id);
    expect(await db.outbox.count()).toBe(1);
    await db.outbox.where('id').equals(waiting.id).modify({ state: 'rejected', rejection: { code: 'x', message: 'y' } });
    await dismissRejected(ctx, waiting.id);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.acks.count()).toBe(0);
  });

  it('retracting a briefing the server refused to publish drops it here and queues nothing', async () => {
    const id = crypto.randomUUID();
    await saveBriefing(ctx, { action: 'publish', briefing_id: id, title: 'Truck at 9', body: 'Clear bay 2', store_ids: [] });
    await db.outbox.toCollection().modify({ state: 'rejected', rejection: { code: 'forbidden_audience', message: 'no' } });
    await db.briefings.update(id, { local_state: 'rejected' });

    expect((await saveBriefing(ctx, { action: 'retract', briefing_id: id })).ok).toBe(true);
    expect(await db.briefings.get(id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('retracting a briefing whose publish may still be on its way queues a retract behind it', async () => {
    const id = crypto.randomUUID();
    await saveBriefing(ctx, { action: 'publish', briefing_id: id, title: 'Truck at 9', body: 'Clear bay 2', store_ids: [] });
    expect((await saveBriefing(ctx, { action: 'retract', briefing_id: id })).ok).toBe(true);
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => (e.payload as { action: string }).action)).toEqual(['publish', 'retract']);
  });

  it('dismissing a refused publish also drops the briefing the server never had', async () => {
    const id = crypto.randomUUID();
    await saveBriefing(ctx, { action: 'publish', briefing_id: id, title: 'Truck at 9', body: 'Clear bay 2', store_ids: [] });
    const [entry] = await db.outbox.toArray();
    await db.outbox.toCollection().modify({ state: 'rejected', rejection: { code: 'forbidden_audience', message: 'no' } });
    await db.briefings.update(id, { local_state: 'rejected' });
    await dismissRejected(ctx, entry!.id);
    expect(await db.briefings.get(id)).toBeUndefined();
  });

  it('kudos shows on the wall at once, with the names this phone knows, under the id the server will keep', async () => {
    const me = crypto.randomUUID();
    await db.meta.put({ key: 'sync', cursor: 0, last_synced_at: null, first_sync: null, me: {
      member_id: me, user_id: crypto.randomUUID(), display_name: 'Alex Kim', email: 'a@x', role: 'staff', locale: 'en',
      organization: { id: crypto.randomUUID(), name: 'O' }, store: null, department: null, managed_store_ids: [], answered_pulse_ids: [],
    } });
    const sam = crypto.randomUUID();
    await db.roster.put({ member_id: sam, display_name: 'Sam Patel', department_id: null, department_name: null });
    const result = await giveKudos(ctx, { to_member_id: sam, message: '  Thanks for covering checkout!  ' });
    if (!result.ok) throw new Error(result.message);
    expect(await db.kudos.get(result.id)).toMatchObject({
      from_member_id: me, from_name: 'Alex Kim', to_name: 'Sam Patel', message: 'Thanks for covering checkout!', local_state: 'pending',
    });
    expect((await db.outbox.toArray())[0]).toMatchObject({ id: result.id, type: 'kudos' });
  });

  it('named feedback shows in my feedback at once; anonymous feedback leaves no copy but its outbox entry', async () => {
    const named = await sendFeedback(ctx, { kind: 'suggestion', recipient: 'store', body: 'More tills at noon', anonymous: false });
    const anonymous = await sendFeedback(ctx, { kind: 'concern', recipient: 'store', body: 'The back door sticks', anonymous: true });
    if (!named.ok || !anonymous.ok) throw new Error('setup');
    expect(await db.myFeedback.get(named.id)).toMatchObject({ body: 'More tills at noon', status: 'open', local_state: 'pending' });
    expect(await db.myFeedback.get(anonymous.id)).toBeUndefined();
    expect(await db.myFeedback.count()).toBe(1);
    expect(await db.outbox.count()).toBe(2);
  });
});

describe('free text is cleaned at the command', () => {
  const dirty = 'Great\u0000 job\u0007 on\r\nthe\tfloor \uD800 Cafe\u0301';
  const clean = 'Great job on\nthe\tfloor \uFFFD Café';

  it('kudos, feedback, pulse comments and briefings lose control characters but tab and newline, and are normalised', async () => {
    await giveKudos(ctx, { to_member_id: crypto.randomUUID(), message: dirty });
    await sendFeedback(ctx, { kind: 'praise', recipient: 'store', body: dirty, anonymous: false });
    await answerPulse(ctx, { pulse_id: crypto.randomUUID(), score: 4, comment: dirty });
    await saveBriefing(ctx, { action: 'publish', briefing_id: crypto.randomUUID(), title: `Fire\u0000 exits`, body: dirty });
    const payloads = (await db.outbox.toArray()).map((e) => e.payload as Record<string, unknown>);
    expect(payloads.map((p) => p.message ?? p.body ?? p.comment)).toEqual([clean, clean, clean, clean]);
    expect(payloads[3]!.title).toBe('Fire exits');
    expect((await db.kudos.toArray()).map((k) => k.message)).toEqual([]);
    expect((await db.myFeedback.toArray()).map((f) => f.body)).toEqual([clean]);
  });
});

describe('retryRejected', () => {
  it('sends a refused item again, cleaned, and marks its local row waiting again', async () => {
    const id = crypto.randomUUID();
    await db.outbox.add({ id, type: 'kudos', payload: { to_member_id: crypto.randomUUID(), message: 'Great\u0000job' }, created_at: '2026-11-22T10:00:00Z', state: 'rejected', rejection: { code: 'unreadable', message: 'x' } });
    await db.acks.put({ id: 'a', briefing_id: briefing.id, version: 3, content_hash: briefing.content_hash, acked_at: '2026-11-22T10:00:00Z', received_at: '2026-11-22T10:00:00Z', sync_seq: 0, local_state: 'rejected' });
    await db.outbox.add({ id: 'a', type: 'ack', payload: { briefing_id: briefing.id, version: 3, content_hash: briefing.content_hash, acked_at: '2026-11-22T10:00:00Z' }, created_at: '2026-11-22T10:00:00Z', state: 'rejected', rejection: { code: 'invalid_timestamp', message: 'x' } });
    expect(await retryRejected(ctx, id)).toEqual({ ok: true });
    expect(await retryRejected(ctx, 'a')).toEqual({ ok: true });
    const entries = await db.outbox.toArray();
    expect(entries.map((e) => [e.state, e.rejection])).toEqual([['waiting', undefined], ['waiting', undefined]]);
    expect((entries[0]!.payload as { message: string }).message).toBe('Greatjob');
    expect((await db.acks.get('a'))?.local_state).toBe('pending');
    expect(writes).toBe(2);
  });
});
