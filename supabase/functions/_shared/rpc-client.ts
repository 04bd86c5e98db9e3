/**
 * The part of a supabase-js client the Edge Functions use: structural, so Deno's client,
 * Node's, or a test's fake fits.
 */
export interface RpcClient {
  rpc(fn: string, args?: Record<string, unknown>): PromiseLike<{ data: unknown; error: { message: string } | null }>;
}
