/** Addresses of the "still to acknowledge" list, in a module of its own so Reports links to it without loading it. */
export const pendingPath = (briefingId: string, storeId?: string) =>
  storeId
    ? `/reports/briefings/${encodeURIComponent(briefingId)}/stores/${encodeURIComponent(storeId)}`
    : `/reports/briefings/${encodeURIComponent(briefingId)}/pending`;
