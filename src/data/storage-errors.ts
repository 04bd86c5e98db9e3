/**
 * IndexedDB failures people can do something about, as values: a full disk and
 * a database the browser closed under us. Anything else is a bug and rethrown.
 */
export interface StorageFailure {
  reason: 'storage_full' | 'storage_lost';
}

export function storageFailure(error: unknown): StorageFailure | null {
  const name = errorName(error);
  if (name === 'QuotaExceededError') {
    return { reason: 'storage_full' };
  }
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError' || name === 'UnknownError' || name === 'AbortError') {
    return { reason: 'storage_lost' };
  }
  return null;
}

function errorName(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const inner = (error as { inner?: unknown }).inner;
  if (inner && typeof inner === 'object' && 'name' in inner && (inner as { name: string }).name === 'QuotaExceededError') {
    return 'QuotaExceededError';
  }
  return 'name' in error ? String((error as { name: unknown }).name) : null;
}
