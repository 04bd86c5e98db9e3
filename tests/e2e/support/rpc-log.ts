import type { Page, Request } from 'playwright-core';

export interface RpcCall {
  name: string;
  /** For sync_push: the mutation ids in the batch. */
  mutationIds: string[];
  at: number;
}

/** Records the RPC calls one tab sends (what left the page, whatever became of it). */
export function recordRpcCalls(page: Page): RpcCall[] {
  const calls: RpcCall[] = [];
  page.on('request', (request: Request) => {
    const match = /\/rest\/v1\/rpc\/([^/?]+)/.exec(request.url());
    if (!match || request.method() !== 'POST') return;
    const name = match[1]!;
    const body = name === 'sync_push' ? (request.postDataJSON() as { p_mutations?: Array<{ id: string }> } | null) : null;
    calls.push({ name, mutationIds: body?.p_mutations?.map((m) => m.id) ?? [], at: Date.now() });
  });
  return calls;
}
