import { describe, expect, it } from 'vitest';
import type { FunctionAnswer, OnlineApi } from '../online-api';
import { emailActivationCodes, storeEmailReach } from './email-codes';

const A = '00000000-0000-4000-8000-000000000001';
const COUNTS = { sent: 1, no_email: 0, already_active: 0, out_of_scope: 0, no_employee_id: 0, failed: 0 };

function api(answer: FunctionAnswer | null, seen: unknown[] = []): OnlineApi {
  return {
    call: (async () => ({ ok: false, error: { kind: 'network', message: 'x' } })) as OnlineApi['call'],
    invoke: async (name, body) => {
      seen.push([name, body]);
      return answer;
    },
  };
}

describe('emailing activation codes', () => {
  it('posts the ids or the store to send-activation and returns its answer', async () => {
    const seen: unknown[] = [];
    const people = [{ member_id: A, status: 'sent' }];
    expect(await emailActivationCodes(api({ status: 200, body: { ok: true, people, counts: COUNTS } }, seen), { memberIds: [A] })).toEqual({
      ok: true,
      data: { people, counts: COUNTS },
    });
    await emailActivationCodes(api({ status: 200, body: { ok: true, people: [], counts: COUNTS } }, seen), { storeId: 'store-1' });
    expect(seen).toEqual([
      ['send-activation', { member_ids: [A] }],
      ['send-activation', { store_id: 'store-1' }],
    ]);
  });

  it('turns refusals, no answer and an unexpected body into failures', async () => {
    const failure = async (answer: FunctionAnswer | null) => {
      const outcome = await emailActivationCodes(api(answer), { memberIds: [A] });
      return outcome.ok ? 'ok' : outcome.failure;
    };
    expect(await failure(null)).toBe('offline');
    expect(await failure({ status: 403, body: { ok: false, error: 'forbidden', detail: 'forbidden' } })).toBe('forbidden');
    expect(await failure({ status: 403, body: { ok: false, error: 'forbidden', detail: 'store_not_managed' } })).toBe('store_not_managed');
    expect(await failure({ status: 401, body: { ok: false, error: 'unauthorized' } })).toBe('unauthorized');
    expect(await failure({ status: 503, body: { ok: false, error: 'mail_not_configured' } })).toBe('mail_not_configured');
    expect(await failure({ status: 500, body: null })).toBe('failed');
    expect(await failure({ status: 200, body: { ok: true, people: [{ member_id: A, status: 'mailed' }], counts: COUNTS } })).toBe('failed');
    const { invoke: _, ...withoutFunctions } = api(null);
    expect(await emailActivationCodes(withoutFunctions, { memberIds: [A] })).toEqual({ ok: false, failure: 'offline' });
  });

  it('counts whom a store email would reach, and says null when it cannot ask', async () => {
    const online: OnlineApi = {
      call: (async () => ({
        ok: true,
        data: {
          people: [
            { member_id: A, status: 'ready' },
            { member_id: A, status: 'ready' },
            { member_id: A, status: 'no_email' },
            { member_id: A, status: 'no_employee_id' },
          ],
        },
      })) as OnlineApi['call'],
    };
    expect(await storeEmailReach(online, 'store-1')).toEqual({ ready: 2, noEmail: 1, noEmployeeId: 1 });
    expect(await storeEmailReach(api(null), 'store-1')).toBeNull();
  });
});
