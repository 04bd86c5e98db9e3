/**
 * A scheduled briefing (issue 13.3): its notification waits for its publish
 * time, also when an edit moves that time, and a briefing already published is
 * not announced again because its publish time changed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mutation, publishBriefing, push, sql } from './support/fixtures';
import { type PushWorld, pushWorld, queued, subscribe } from './support/push';

let world: PushWorld;

beforeAll(async () => {
  world = await pushWorld(2);
  for (const member of world.staff) await subscribe(member.client);
});

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

async function publishAt(briefingId: string): Promise<Date> {
  const [row] = await sql<{ publish_at: Date }>('select publish_at from public.briefings where id = $1', [briefingId]);
  return row!.publish_at;
}

function moveTo(briefingId: string, publish_at: string) {
  return push(world.manager.client, [
    mutation('briefing', {
      action: 'edit',
      briefing_id: briefingId,
      title: 'Stocktake',
      body: 'Please read this.',
      requires_ack: true,
      store_ids: [world.storeId],
      publish_at,
    } as never),
  ]);
}

describe('a scheduled briefing is announced at its publish time', () => {
  it('queues its messages for the publish time, not the time it was sent', async () => {
    const id = await publishBriefing(world.manager.client, { store_ids: [world.storeId], title: 'Stocktake', publish_at: inMinutes(60) });
    const at = await publishAt(id);
    const messages = await queued(id);
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m.not_before.getTime()).toBeGreaterThanOrEqual(at.getTime());
  });

  it('moved later or earlier by an edit, re-queues for the new time (same text, same version)', async () => {
    const id = await publishBriefing(world.manager.client, { store_ids: [world.storeId], title: 'Stocktake', publish_at: inMinutes(60) });
    expect((await moveTo(id, inMinutes(180)))[0]?.status).toBe('applied');
    const later = await publishAt(id);
    let messages = await queued(id);
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m.not_before.getTime()).toBeGreaterThanOrEqual(later.getTime());

    expect((await moveTo(id, inMinutes(30)))[0]?.status).toBe('applied');
    const earlier = await publishAt(id);
    messages = await queued(id);
    expect(messages).toHaveLength(2);
    // Before the old time: the messages moved with it (quiet hours could only hold them later still).
    for (const m of messages) {
      expect(m.not_before.getTime()).toBeGreaterThanOrEqual(earlier.getTime());
      expect(m.not_before.getTime()).toBeLessThan(later.getTime());
    }
    expect(messages.every((m) => m.version === 1)).toBe(true);
  });

  it('a briefing already published is not announced again when its publish time changes', async () => {
    const id = await publishBriefing(world.manager.client, { store_ids: [world.storeId], title: 'Stocktake' });
    await sql('update private.push_queue set sent_at = now() where ref_id = $1', [id]);
    expect((await moveTo(id, inMinutes(60)))[0]?.status).toBe('applied');
    expect((await queued(id)).filter((m) => (m as { sent_at?: Date | null }).sent_at === null)).toEqual([]);
  });
});
