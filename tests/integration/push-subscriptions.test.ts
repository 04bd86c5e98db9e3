/**
 * Push subscriptions (issue 11): a device's subscription belongs to the member signed
 * in on it, nobody else reads or deletes it, a shared phone moves to whoever saved it
 * last, and a member who leaves stops being notified.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { callRpc } from '../../src/data/supabase/rpc';
import { anonClient, asUserInSql, publishBriefing, sql } from './support/fixtures';
import { device, failure, type PushWorld, pushWorld, queued, subscribe } from './support/push';

let world: PushWorld;
beforeAll(async () => {
  world = await pushWorld(2);
});

describe('saving a subscription', () => {
  it('keeps the endpoint and keys, answers without the keys, and lists it as the caller’s', async () => {
    const [a] = world.staff;
    const d = device();
    const saved = await callRpc(a!.client, 'save_push_subscription', { p_endpoint: d.endpoint, p_p256dh: d.p256dh, p_auth: d.auth, p_device: ' Pixel 7 ' });
    expect(saved.ok && saved.data).toMatchObject({ endpoint: d.endpoint, device: 'Pixel 7' });
    expect(JSON.stringify(saved)).not.toContain(d.p256dh);
    const [row] = await sql('select member_id, p256dh, auth from public.push_subscriptions where endpoint = $1', [d.endpoint]);
    expect(row).toEqual({ member_id: a!.memberId, p256dh: d.p256dh, auth: d.auth });

    const mine = await callRpc(a!.client, 'my_push_subscriptions', {});
    expect(mine.ok && mine.data.subscriptions.map((s) => s.endpoint)).toContain(d.endpoint);
  });

  it('saving the same endpoint again updates it in place (one row per device)', async () => {
    const [a] = world.staff;
    const d = await subscribe(a!.client);
    const again = await subscribe(a!.client, { ...d, auth: device().auth });
    expect(again.id).toBe(d.id);
    expect(await sql('select auth from public.push_subscriptions where endpoint = $1', [d.endpoint])).toEqual([{ auth: again.auth }]);
  });

  it.each([
    ['http://push.example.com/x', 'invalid_endpoint'],
    ['https://127.0.0.1/x', 'invalid_endpoint'],
    ['https://localhost/x', 'invalid_endpoint'],
    ['javascript:alert(1)', 'invalid_endpoint'],
    [`https://push.example.com/${'a'.repeat(2100)}`, 'invalid_endpoint'],
  ])('refuses the endpoint %s with %s', async (endpoint, code) => {
    const d = device();
    const r = await callRpc(world.staff[0]!.client, 'save_push_subscription', { p_endpoint: endpoint.slice(0, 2200), p_p256dh: d.p256dh, p_auth: d.auth });
    expect(failure(r)).toMatchObject({ code: '22023', details: code });
  });

  it('refuses keys of the wrong length or alphabet, and an overlong device label', async () => {
    const d = device();
    const client = world.staff[0]!.client;
    const tries = [
      [{ p_p256dh: d.p256dh.slice(0, 86) }, 'invalid_p256dh'],
      [{ p_p256dh: `A${d.p256dh.slice(1)}` }, 'invalid_p256dh'], // not an uncompressed point (0x04)
      [{ p_p256dh: `${d.p256dh.slice(0, 86)}+` }, 'invalid_p256dh'],
      [{ p_auth: `${d.auth}AAAA` }, 'invalid_auth'],
      [{ p_auth: 'not base64 at all!!!!!' }, 'invalid_auth'],
      [{ p_device: 'x'.repeat(121) }, 'too_long'],
    ] as const;
    for (const [override, code] of tries) {
      const r = await callRpc(client, 'save_push_subscription', { p_endpoint: d.endpoint, p_p256dh: d.p256dh, p_auth: d.auth, ...override });
      expect(failure(r), JSON.stringify(override)).toMatchObject({ code: '22023', details: code });
    }
    expect(await sql('select 1 from public.push_subscriptions where endpoint = $1', [d.endpoint])).toEqual([]);
  });

  it('keeps at most 10 devices per member, dropping the least recently saved and its queued messages', async () => {
    const [a, b] = world.staff;
    await sql('delete from public.push_subscriptions where member_id = $1', [b!.memberId]);
    await subscribe(a!.client);
    const devicesOfA = async () => (await sql('select id from public.push_subscriptions where member_id = $1', [a!.memberId])).length;
    const aBefore = await devicesOfA();
    const devices: Awaited<ReturnType<typeof subscribe>>[] = [];
    for (let i = 0; i < 10; i++) devices.push(await subscribe(b!.client));
    // The first device saves again (the phone in use): the second is now the least recent.
    await subscribe(b!.client, devices[0]);
    const briefingId = await publishBriefing(world.manager.client, { store_ids: [world.storeId], title: 'Queued for every device of b' });
    expect((await queued(briefingId)).filter((m) => m.subscription_id === devices[1]!.id)).toHaveLength(1);

    const eleventh = await subscribe(b!.client);
    const kept = await sql<{ id: string }>('select id from public.push_subscriptions where member_id = $1', [b!.memberId]);
    expect(kept.map((r) => r.id).sort()).toEqual([...devices.filter((_, i) => i !== 1).map((d) => d.id), eleventh.id].sort());
    expect((await queued(briefingId)).filter((m) => m.subscription_id === devices[1]!.id)).toEqual([]);
    // Other members' devices are untouched by b's cap.
    expect(await devicesOfA()).toBe(aBefore);
  });

  it('anon cannot save, list or delete', async () => {
    const d = device();
    const anon = anonClient();
    const saved = await callRpc(anon, 'save_push_subscription', { p_endpoint: d.endpoint, p_p256dh: d.p256dh, p_auth: d.auth });
    expect(!saved.ok && saved.error.kind === 'http' && saved.error.status).toBe(401);
    const mine = await callRpc(anon, 'my_push_subscriptions', {});
    expect(!mine.ok && mine.error.kind === 'http' && mine.error.status).toBe(401);
  });
});

describe('nobody reads or deletes another member’s subscription', () => {
  it('b sees none of a’s devices, by RPC or by table, and managers neither', async () => {
    const [a, b] = world.staff;
    const d = await subscribe(a!.client);
    for (const other of [b!, world.manager]) {
      const mine = await callRpc(other.client, 'my_push_subscriptions', {});
      expect(mine.ok && mine.data.subscriptions.map((s) => s.endpoint)).not.toContain(d.endpoint);
      const rows = await asUserInSql(other.userId, async (c) => (await c.query('select endpoint from public.push_subscriptions')).rows);
      expect(rows.map((r) => r.endpoint)).not.toContain(d.endpoint);
    }
    const own = await asUserInSql(a!.userId, async (c) => (await c.query('select endpoint from public.push_subscriptions')).rows);
    expect(own.map((r) => r.endpoint)).toContain(d.endpoint);
  });

  it('b deleting a’s endpoint deletes nothing; a deleting it (sign-out) does', async () => {
    const [a, b] = world.staff;
    const d = await subscribe(a!.client);
    const byB = await callRpc(b!.client, 'delete_push_subscription', { p_endpoint: d.endpoint });
    expect(byB.ok && byB.data).toEqual({ deleted: false });
    expect(await sql('select member_id from public.push_subscriptions where endpoint = $1', [d.endpoint])).toEqual([{ member_id: a!.memberId }]);
    await expect(asUserInSql(b!.userId, (c) => c.query('delete from public.push_subscriptions where endpoint = $1', [d.endpoint]))).rejects.toThrow(
      /permission denied/,
    );

    const byA = await callRpc(a!.client, 'delete_push_subscription', { p_endpoint: d.endpoint });
    expect(byA.ok && byA.data).toEqual({ deleted: true });
    expect(await sql('select 1 from public.push_subscriptions where endpoint = $1', [d.endpoint])).toEqual([]);
  });
});

describe('a shared phone', () => {
  it('moves to the member who saves it last, dropping what was queued for the previous one', async () => {
    const [a, b] = world.staff;
    const phone = await subscribe(a!.client);
    await subscribe(a!.client); // a's own phone, which keeps its message
    const briefingId = await publishBriefing(world.manager.client, { store_ids: [world.storeId], title: 'For a only so far' });
    expect((await queued(briefingId)).filter((m) => m.subscription_id === phone.id)).toHaveLength(1);

    const moved = await subscribe(b!.client, phone);
    const rows = await sql<{ member_id: string }>('select member_id from public.push_subscriptions where endpoint = $1', [phone.endpoint]);
    expect(rows).toEqual([{ member_id: b!.memberId }]);
    // a's message for this phone is gone: it must not show on b's lock screen.
    const left = await queued(briefingId);
    expect(left.filter((m) => m.subscription_id === phone.id || m.subscription_id === moved.id)).toEqual([]);
    expect(left.filter((m) => m.member_id === a!.memberId).length).toBeGreaterThan(0); // a's other devices keep theirs
    const aMine = await callRpc(a!.client, 'my_push_subscriptions', {});
    expect(aMine.ok && aMine.data.subscriptions.map((s) => s.endpoint)).not.toContain(phone.endpoint);
  });
});

describe('a member who leaves', () => {
  it('loses every device and everything queued for them when deactivated', async () => {
    const extra = await pushWorld(1);
    const [leaver] = extra.staff;
    const d = await subscribe(leaver!.client);
    const briefingId = await publishBriefing(extra.manager.client, { store_ids: [extra.storeId] });
    expect(await queued(briefingId)).toHaveLength(1);

    await sql('update public.members set active = false where id = $1', [leaver!.memberId]);
    expect(await sql('select 1 from public.push_subscriptions where endpoint = $1', [d.endpoint])).toEqual([]);
    expect(await queued(briefingId)).toEqual([]);
    const later = await publishBriefing(extra.manager.client, { store_ids: [extra.storeId] });
    expect(await queued(later)).toEqual([]);
  });
});
