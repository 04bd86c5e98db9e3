import { withQuery } from '../../ui/router/query';
import { pendingQuery } from './filters';

/**
 * Addresses of the "still to acknowledge" list, in a module of its own so Reports links to it without loading it.
 * A department chosen on Reports carries over, so the list opens as narrow as the figures were.
 */
export const pendingPath = (briefingId: string, storeId?: string | null, departmentId?: string | null) =>
  withQuery(
    storeId
      ? `/reports/briefings/${encodeURIComponent(briefingId)}/stores/${encodeURIComponent(storeId)}`
      : `/reports/briefings/${encodeURIComponent(briefingId)}/pending`,
    pendingQuery({ departmentId: departmentId ?? null }),
  );
