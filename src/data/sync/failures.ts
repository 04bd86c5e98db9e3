/**
 * What the sync engine does about a failed call: wait and retry (network, 5xx,
 * rate limits), refresh the session once (401), or stop and tell the person
 * (403, a broken contract, a refused batch). Pure.
 */
import type { RpcFailure } from '../supabase/rpc';

export type FailureAction =
  | { kind: 'retry'; message: string }
  | { kind: 'refresh_session' }
  | { kind: 'stop'; message: string };

export function actionFor(failure: RpcFailure): FailureAction {
  if (failure.kind === 'network') return { kind: 'retry', message: 'No connection to the server.' };
  if (failure.kind === 'contract') return { kind: 'stop', message: 'The server answered in a way this version of the app does not understand. Update the app.' };
  const { status, details } = failure;
  if (status === 401) return { kind: 'refresh_session' };
  if (status === 403 && details === 'member_inactive') return { kind: 'stop', message: 'Your account has been deactivated. Ask your manager.' };
  if (status === 403) return { kind: 'stop', message: 'You are not allowed to sync with this organisation.' };
  if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', message: `The server is busy (${status}).` };
  return { kind: 'stop', message: `The server refused the sync: ${failure.message}` };
}
