import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { LocalKudos } from '../db';
import type { OnlineApi } from '../online-api';
import type { RpcOutcome } from '../supabase/rpc';
import type { KudosWallEntry, RpcName, StoreRosterEntry } from '../supabase/types';
import { fakeOnlineApi } from '../testing/fake-online-api';
import { freshDatabase } from '../testing/fresh-database';
import { kudosOnWall } from './queries';
import { refreshKudosWall, refreshStoreRoster, WALL_SIZE } from './side-data';

const ME = '3e000000-0000-4000-8000-000000000004';
const SAM = '3e000000-0000-4000-8000-000000000005';

function kudos(id: string, created_at: string, extra: Partial<LocalKudos> = {}): LocalKudos {
  return {
    id,
    from_member_id: ME,
    from_name: 'Alex Kim',
    to_member_id: SAM,
    to_name: 'Sam Patel',
    value_card_id: null,
    value_title: null,
    message: `Thanks ${id}`,
    created_at,
    ...extra,
  };
}

const roster = (names: string[]): StoreRosterEntry[] =>
  names.map((display_name, i) => ({ member_id: `3e000000-0000-4000-8000-00000000010${i}`, display_name, department_id: null, department_name: null }));

/** Answers each RPC with the given outcome, or as if offline. */
function fakeApi(answers: Partial<Record<RpcName, RpcOutcome<unknown>>>, during?: () => Promise<void>) {
  const args: unknown[] = [];
  const api = fakeOnlineApi((name, arg) => {
    args.push(arg);
    return answers[name] ?? { ok: false, error: { kind: 'network', message: 'offline' } };
  });
  if (!during) return Object.assign(api, { args });
  const call = api.call;
  return Object.assign(api, {
    args,
    call: (async (name: RpcName, arg: never) => {
      await during();
      return call(name, arg);
    }) as OnlineApi['call'],
  });
}

const OFFLINE = { ok: false, error: { kind: 'network', message: 'Failed to fetch' } } as const;

const db = freshDatabase();

describe('kudos wall refresh', () => {
  it('replaces the synced rows with what store_kudos answered', async () => {
    await db().kudos.bulkPut([kudos('old-1', '2026-11-01T10:00:00.000Z'), kudos('old-2', '2026-11-02T10:00:00.000Z')]);
    const server: KudosWallEntry[] = [kudos('new-1', '2026-11-21T10:00:00.000Z')];
    const api = fakeApi({ store_kudos: { ok: true, data: server } });
    expect(await refreshKudosWall(db(), api)).toEqual({ ok: true });
    expect(api.calls).toEqual(['store_kudos']);
    expect(api.args).toEqual([{ p_limit: WALL_SIZE }]);
    expect(await db().kudos.toArray()).toEqual(server);
  });

  it('keeps kudos the server has not confirmed: pending and refused ones stay, with the reason', async () => {
    await db().kudos.bulkPut([
      kudos('synced', '2026-11-01T10:00:00.000Z'),
      kudos('pending', '2026-11-22T09:00:00.000Z', { local_state: 'pending' }),
      kudos('refused', '2026-11-22T08:00:00.000Z', { local_state: 'rejected' }),
    ]);
    await db().outbox.add({
      id: 'refused',
      type: 'kudos',
      payload: { to_member_id: SAM, message: 'Thanks refused' },
      created_at: '2026-11-22T08:00:00.000Z',
      state: 'rejected',
      rejection: { code: 'self_kudos', message: 'You cannot give kudos to yourself' },
    });
    await refreshKudosWall(db(), fakeApi({ store_kudos: { ok: true, data: [kudos('other', '2026-11-21T10:00:00.000Z')] } }));

    const wall = await kudosOnWall(db());
    expect(wall.map((k) => [k.id, k.local_state])).toEqual([
      ['pending', 'pending'],
      ['refused', 'rejected'],
      ['other', undefined],
    ]);
    expect(wall.find((k) => k.id === 'refused')?.rejection).toEqual({ code: 'self_kudos', message: 'You cannot give kudos to yourself' });
  });

  it('once the server has a pending kudos, its copy replaces the local one', async () => {
    await db().kudos.put(kudos('sent', '2026-11-22T09:00:00.000Z', { local_state: 'pending', to_name: '' }));
    await refreshKudosWall(db(), fakeApi({ store_kudos: { ok: true, data: [kudos('sent', '2026-11-22T09:00:00.000Z')] } }));
    expect(await db().kudos.get('sent')).toEqual(kudos('sent', '2026-11-22T09:00:00.000Z'));
  });

  it('a kudos confirmed while the call was out stays on the wall until an answer includes it', async () => {
    await db().kudos.put(kudos('just-sent', '2026-11-22T09:00:00.000Z', { local_state: 'pending' }));
    // The push verdict lands while store_kudos is on its way, and its answer predates the kudos.
    const confirmDuring = async () => {
      await db().kudos.update('just-sent', { local_state: undefined });
    };
    await refreshKudosWall(db(), fakeApi({ store_kudos: { ok: true, data: [kudos('older', '2026-11-20T10:00:00.000Z')] } }, confirmDuring));
    expect((await db().kudos.toArray()).map((k) => k.id).sort()).toEqual(['just-sent', 'older']);
  });

  it('offline, keeps every row it has and says why as a value', async () => {
    await db().kudos.put(kudos('synced', '2026-11-01T10:00:00.000Z'));
    expect(await refreshKudosWall(db(), fakeApi({ store_kudos: OFFLINE }))).toEqual(OFFLINE);
    expect((await db().kudos.toArray()).map((k) => k.id)).toEqual(['synced']);
  });
});

describe('store roster refresh', () => {
  it('replaces the roster with store_roster, so someone who left drops out', async () => {
    await refreshStoreRoster(db(), fakeApi({ store_roster: { ok: true, data: roster(['Sam Patel', 'Dana Ruiz']) } }));
    await refreshStoreRoster(db(), fakeApi({ store_roster: { ok: true, data: roster(['Sam Patel']) } }));
    expect((await db().roster.toArray()).map((p) => p.display_name)).toEqual(['Sam Patel']);
  });

  it('offline, keeps the roster it has', async () => {
    await refreshStoreRoster(db(), fakeApi({ store_roster: { ok: true, data: roster(['Sam Patel']) } }));
    expect(await refreshStoreRoster(db(), fakeApi({ store_roster: OFFLINE }))).toEqual(OFFLINE);
    expect(await db().roster.count()).toBe(1);
  });
});
