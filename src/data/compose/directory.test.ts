import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { RpcOutcome } from '../supabase/rpc';
import type { ComposeDirectory } from '../supabase/types';
import { fakeOnlineApi } from '../testing/fake-online-api';
import { freshDatabase } from '../testing/fresh-database';
import { cachedComposeDirectory, refreshComposeDirectory } from './directory';

const DIRECTORY: ComposeDirectory = {
  stores: [{ id: '5a000000-0000-4000-8000-000000000001', name: 'Downtown', time_zone: 'America/New_York' }],
  departments: [],
  roles: ['staff', 'manager', 'hr', 'admin'],
  reach: [{ store_id: '5a000000-0000-4000-8000-000000000001', department_id: null, role: 'staff', members: 14 }],
};

function apiAnswering(outcome: RpcOutcome<ComposeDirectory>) {
  return fakeOnlineApi(() => outcome);
}

const db = freshDatabase();

describe('compose directory cache', () => {
  it('is empty until the first successful fetch', async () => {
    expect(await cachedComposeDirectory(db())).toBeNull();
  });

  it('keeps what compose_directory answered, with when', async () => {
    const api = apiAnswering({ ok: true, data: DIRECTORY });
    expect(await refreshComposeDirectory(db(), api, () => new Date('2026-11-22T10:00:00Z'))).toEqual({ ok: true });
    expect(api.calls).toEqual(['compose_directory']);
    expect(await cachedComposeDirectory(db())).toEqual({ key: 'directory', directory: DIRECTORY, fetched_at: '2026-11-22T10:00:00.000Z' });
  });

  it('offline, keeps the copy it has and says why as a value', async () => {
    await refreshComposeDirectory(db(), apiAnswering({ ok: true, data: DIRECTORY }), () => new Date('2026-11-22T10:00:00Z'));
    const offline = await refreshComposeDirectory(db(), apiAnswering({ ok: false, error: { kind: 'network', message: 'Failed to fetch' } }), () => new Date());
    expect(offline).toEqual({ ok: false, error: { kind: 'network', message: 'Failed to fetch' } });
    expect((await cachedComposeDirectory(db()))?.fetched_at).toBe('2026-11-22T10:00:00.000Z');
  });
});
