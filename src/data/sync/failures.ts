/**
 * What the sync engine does about a failed call: wait and retry (network, 5xx,
 * rate limits, a full phone), refresh the session once (401), or stop and tell
 * the person (403, a broken contract, a refused call). Pure. Problems are codes
 * the UI words in the person's language.
 */
import { storageFailure } from '../storage-errors';
import type { RpcFailure } from '../supabase/rpc';

export type SyncProblem =
  | { code: 'no_connection' }
  | { code: 'busy'; status: number }
  | { code: 'outdated_app' }
  | { code: 'deactivated' }
  | { code: 'forbidden' }
  | { code: 'refused'; detail: string }
  | { code: 'unexpected'; detail: string }
  | { code: 'storage_full' }
  | { code: 'signin' };

export type FailureAction = { kind: 'retry'; problem: SyncProblem } | { kind: 'refresh_session' } | { kind: 'stop'; problem: SyncProblem };

export function actionFor(failure: RpcFailure): FailureAction {
  if (failure.kind === 'network') return { kind: 'retry', problem: { code: 'no_connection' } };
  if (failure.kind === 'contract') return { kind: 'stop', problem: { code: 'outdated_app' } };
  const { status, details } = failure;
  if (status === 401) return { kind: 'refresh_session' };
  if (status === 403 && details === 'member_inactive') return { kind: 'stop', problem: { code: 'deactivated' } };
  if (status === 403) return { kind: 'stop', problem: { code: 'forbidden' } };
  if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', problem: { code: 'busy', status } };
  return { kind: 'stop', problem: { code: 'refused', detail: failure.message } };
}

/**
 * A push the server refused whole (a 4xx that is neither about the session nor
 * about permission): some item in it cannot be read, so the batch is split to
 * find that one item instead of holding everything behind it.
 */
export function isBatchRefusal(failure: RpcFailure): boolean {
  const action = actionFor(failure);
  return action.kind === 'stop' && action.problem.code === 'refused';
}

/** A failed call, thrown out of a sync cycle to be judged by actionFor. */
export class CycleFailure extends Error {
  constructor(readonly failure: RpcFailure) {
    super(failure.message);
  }
}

/** A full disk as a problem the person can act on; null for any other error. */
export function storageProblem(error: unknown): SyncProblem | null {
  return storageFailure(error)?.reason === 'storage_full' ? { code: 'storage_full' } : null;
}
