import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { callRpc } from './rpc';

function fakeClient(answer: () => Promise<unknown>): SupabaseClient {
  return { rpc: () => answer() } as unknown as SupabaseClient;
}

const pushResult = { results: [{ id: 'a', status: 'applied' }] };

describe('callRpc', () => {
  it('returns parsed data on success', async () => {
    const outcome = await callRpc(
      fakeClient(async () => ({ data: pushResult, error: null, status: 200 })),
      'sync_push',
      { p_mutations: [] },
    );
    expect(outcome).toEqual({ ok: true, data: pushResult });
  });

  it('turns an HTTP error into a value with status, code and machine details', async () => {
    const outcome = await callRpc(
      fakeClient(async () => ({ data: null, status: 400, error: { code: '22023', message: 'At most 500', details: 'batch_too_large', hint: null } })),
      'sync_push',
      { p_mutations: [] },
    );
    expect(outcome).toEqual({ ok: false, error: { kind: 'http', status: 400, code: '22023', message: 'At most 500', details: 'batch_too_large' } });
  });

  it('reports a failed fetch as network, whether thrown or returned', async () => {
    const thrown = await callRpc(
      fakeClient(async () => {
        throw new TypeError('Failed to fetch');
      }),
      'sync_pull',
      {},
    );
    expect(thrown.ok === false && thrown.error.kind).toBe('network');
    const returned = await callRpc(
      fakeClient(async () => ({ data: null, status: 0, error: { message: 'TypeError: Failed to fetch', code: '' } })),
      'sync_pull',
      {},
    );
    expect(returned.ok === false && returned.error.kind).toBe('network');
  });

  it('refuses a body that breaks the contract', async () => {
    const outcome = await callRpc(
      fakeClient(async () => ({ data: { results: [{ id: 'a', status: 'maybe' }] }, error: null, status: 200 })),
      'sync_push',
      { p_mutations: [] },
    );
    expect(outcome.ok === false && outcome.error.kind).toBe('contract');
  });
});
