import type { OnlineApi } from '../../data/online-api';
import { useOnlineCall } from '../../ui/use-online-call';

/**
 * The name of a store named by id in the address. `unknown` once the server has said
 * the caller reports on no store with that id (another manager's, another
 * organisation's, or none), so the screen can fall back to all stores.
 */
export function useStoreName(api: OnlineApi | null, storeId: string | null): { name: string | null; unknown: boolean } {
  const found = useOnlineCall(storeId ? api : null, `store:${storeId}`, async (online) => {
    const outcome = await online.call('report_stores', { p_id: storeId });
    return outcome.ok ? { ok: true as const, data: { id: storeId, store: outcome.data[0] ?? null } } : outcome;
  });
  // The last answer stays while the next loads: only one for this id counts.
  const answer = found.data && found.data.id === storeId ? found.data : null;
  return { name: answer?.store?.name ?? null, unknown: answer !== null && answer.store === null };
}
