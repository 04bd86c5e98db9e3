import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { cachedComposeDirectory } from './compose/directory';
import { refreshSideData } from './side-data';
import type { ComposeDirectory, MemberProfile } from './supabase/types';
import { fakeOnlineApi } from './testing/fake-online-api';
import { freshDatabase } from './testing/fresh-database';

const DIRECTORY: ComposeDirectory = { stores: [], departments: [], roles: ['staff'], reach: [] };

function member(role: MemberProfile['role']): MemberProfile {
  return {
    member_id: crypto.randomUUID(),
    user_id: crypto.randomUUID(),
    display_name: 'A',
    email: 'a@x',
    role,
    locale: 'en',
    organization: { id: crypto.randomUUID(), name: 'O' },
    store: null,
    department: null,
    managed_store_ids: [],
    answered_pulse_ids: [],
  };
}

function recordingApi(fail: boolean) {
  return fakeOnlineApi(() => (fail ? { ok: false, error: { kind: 'network', message: 'offline' } } : { ok: true, data: DIRECTORY }));
}

const db = freshDatabase();

describe('refreshSideData', () => {
  it('fetches what applies to the role: the compose directory for a manager, not for staff', async () => {
    const forStaff = recordingApi(false);
    await refreshSideData(db(), forStaff, member('staff'), () => new Date());
    expect(forStaff.calls).not.toContain('compose_directory');

    const forManager = recordingApi(false);
    await refreshSideData(db(), forManager, member('manager'), () => new Date('2026-11-22T10:00:00Z'));
    expect(forManager.calls).toContain('compose_directory');
    expect(await cachedComposeDirectory(db())).toMatchObject({ directory: DIRECTORY, fetched_at: '2026-11-22T10:00:00.000Z' });
  });

  it('a screen can refresh only its own copies', async () => {
    const api = recordingApi(false);
    await refreshSideData(db(), api, member('manager'), () => new Date(), ['compose_directory']);
    expect(api.calls).toEqual(['compose_directory']);
  });

  it('a failed refresh resolves and keeps the copy the phone has', async () => {
    await refreshSideData(db(), recordingApi(false), member('hr'), () => new Date('2026-11-22T10:00:00Z'));
    await expect(refreshSideData(db(), recordingApi(true), member('hr'), () => new Date('2026-11-22T11:00:00Z'))).resolves.toBeUndefined();
    expect((await cachedComposeDirectory(db()))?.fetched_at).toBe('2026-11-22T10:00:00.000Z');
  });
});
