/**
 * What the queue holds (issue 11): a briefing that needs acknowledging or is
 * important/critical queues one message per device of its audience, in the publishing
 * transaction; never the author's devices, never anyone outside the audience (another
 * department, store or organisation), never a deactivated member; no body. A public
 * reply to named feedback notifies its author.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import { createMember, mutation, publishBriefing, push, sql } from './support/fixtures';
import { type PushWorld, pushWorld, queued, subscribe } from './support/push';

let world: PushWorld;
let other: PushWorld;
const devices = new Map<string, string[]>();

async function withDevices(member: { memberId: string; client: Parameters<typeof subscribe>[0] }, n = 1): Promise<void> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await subscribe(member.client)).id);
  devices.set(member.memberId, [...(devices.get(member.memberId) ?? []), ...ids]);
}

beforeAll(async () => {
  [world, other] = await Promise.all([pushWorld(2), pushWorld(1)]);
  await withDevices(world.staff[0]!, 2);
  await withDevices(world.staff[1]!);
  await withDevices(world.manager);
  await withDevices(other.staff[0]!);
  await withDevices(other.manager);
});

describe('a briefing reaches its audience’s devices only', () => {
  it('one message per device of each member of the audience, never the author’s, never another organisation’s', async () => {
    const id = await publishBriefing(world.manager.client, { store_ids: [world.storeId], title: 'Till float changes' });
    const messages = await queued(id);
    const expected = [...devices.get(world.staff[0]!.memberId)!, ...devices.get(world.staff[1]!.memberId)!].sort();
    expect(messages.map((m) => m.subscription_id).sort()).toEqual(expected);
    for (const m of messages) {
      expect(m).toMatchObject({ kind: 'briefing', title: 'Till float changes', store_name: 'Harbour', url: `/briefings/${id}`, version: 1 });
    }
    // No body anywhere in what is queued.
    expect(JSON.stringify(messages)).not.toContain('Please read this.');
  });

  it('an organisation-wide briefing stays inside its organisation', async () => {
    const hr = await createMember({ orgId: world.orgId, storeId: null, departmentId: null, role: 'hr' });
    const id = await publishBriefing(hr.client, { title: 'Org-wide' });
    const members = new Set((await queued(id)).map((m) => m.member_id));
    expect(members).toEqual(new Set([world.staff[0]!.memberId, world.staff[1]!.memberId, world.manager.memberId]));
  });

  it('another store of the same organisation, and another department, get nothing', async () => {
    const [store] = await sql<{ id: string }>(`insert into public.stores (org_id, name, time_zone) values ($1, 'Quay', 'Europe/London') returning id`, [
      world.orgId,
    ]);
    const [dept] = await sql<{ id: string }>(`insert into public.departments (org_id, name) values ($1, 'Back') returning id`, [world.orgId]);
    const elsewhere = await createMember({ orgId: world.orgId, storeId: store!.id, departmentId: world.departmentId });
    const otherDept = await createMember({ orgId: world.orgId, storeId: world.storeId, departmentId: dept!.id });
    await withDevices(elsewhere);
    await withDevices(otherDept);
    const id = await publishBriefing(world.manager.client, { store_ids: [world.storeId], department_ids: [world.departmentId] });
    const members = new Set((await queued(id)).map((m) => m.member_id));
    expect(members).toEqual(new Set([world.staff[0]!.memberId, world.staff[1]!.memberId]));
  });

  it('a normal briefing that needs no acknowledgement queues nothing; an important one does', async () => {
    const audience = { store_ids: [world.storeId], department_ids: [world.departmentId] };
    const quiet = await publishBriefing(world.manager.client, { ...audience, requires_ack: false });
    expect(await queued(quiet)).toEqual([]);
    const important = await publishBriefing(world.manager.client, { ...audience, requires_ack: false, priority: 'important' });
    expect((await queued(important)).length).toBe(3);
  });

  it('new text queues the new version (superseding unsent messages); other edits and retraction queue nothing more', async () => {
    const audience = { store_ids: [world.storeId], department_ids: [world.departmentId] };
    const id = await publishBriefing(world.manager.client, { ...audience, title: 'v1' });
    const edit = (fields: Record<string, unknown>) =>
      push(world.manager.client, [
        mutation('briefing', { action: 'edit', briefing_id: id, title: 'v1', body: 'Please read this.', requires_ack: true, ...audience, ...fields } as never),
      ]);
    expect((await edit({ title: 'v2' }))[0]?.status).toBe('applied');
    const afterEdit = await queued(id);
    expect(afterEdit.map((m) => [m.version, m.title])).toEqual(afterEdit.map(() => [2, 'v2']));
    expect(afterEdit).toHaveLength(3);
    expect((await edit({ title: 'v2', priority: 'important' }))[0]?.status).toBe('applied');
    expect(await queued(id)).toHaveLength(3);
    expect((await push(world.manager.client, [mutation('briefing', { action: 'retract', briefing_id: id })]))[0]?.status).toBe('applied');
    expect(await queued(id)).toEqual([]);
  });

  it('a publish that is refused queues nothing', async () => {
    const [result] = await push(other.staff[0]!.client, [
      mutation('briefing', { action: 'publish', briefing_id: crypto.randomUUID(), title: 'Nope', body: 'x', requires_ack: true } as never),
    ]);
    expect(result?.status).toBe('rejected');
    expect(
      await sql('select 1 from private.push_queue q join public.push_subscriptions s on s.id = q.subscription_id where s.org_id = $1', [other.orgId]),
    ).toEqual([]);
  });

  it('a deactivated member gets nothing', async () => {
    const leaver = await createMember({ orgId: other.orgId, storeId: other.storeId, departmentId: other.departmentId });
    await withDevices(leaver);
    await sql('update public.members set active = false where id = $1', [leaver.memberId]);
    const id = await publishBriefing(other.manager.client, { store_ids: [other.storeId] });
    expect((await queued(id)).map((m) => m.member_id)).toEqual([other.staff[0]!.memberId]);
  });
});

describe('a public reply to named feedback', () => {
  it('notifies its author, with no text of either; a private reply and anonymous feedback notify nobody', async () => {
    const author = world.staff[0]!;
    const send = async (anonymous: boolean) => {
      const [r] = await push(author.client, [mutation('feedback', { kind: 'question', recipient: 'store', body: 'Why the new rota?', anonymous })]);
      expect(r?.status).toBe('applied');
    };
    await send(false);
    const [named] = await sql<{ id: string }>('select id from public.feedback where author_id = $1 order by created_at desc limit 1', [author.memberId]);
    const reply = (p_public: boolean) =>
      callRpc(world.manager.client, 'reply_feedback', { p_feedback_id: named!.id, p_body: 'Because of the sale.', p_public });
    expect((await reply(false)).ok).toBe(true);
    expect(await queued(named!.id)).toEqual([]);
    expect((await reply(true)).ok).toBe(true);
    const messages = await queued(named!.id);
    expect(messages.map((m) => m.subscription_id).sort()).toEqual([...devices.get(author.memberId)!].sort());
    expect(messages[0]).toMatchObject({ kind: 'reply', url: '/voice/mine' });
    expect(JSON.stringify(messages)).not.toMatch(/rota|sale/);

    await send(true);
    const [anon] = await sql<{ id: string }>(`select id from public.feedback where org_id = $1 and is_anonymous order by updated_at desc limit 1`, [
      world.orgId,
    ]);
    expect((await callRpc(world.manager.client, 'reply_feedback', { p_feedback_id: anon!.id, p_body: 'Thanks.', p_public: true })).ok).toBe(true);
    expect(await queued(anon!.id)).toEqual([]);
  });
});
