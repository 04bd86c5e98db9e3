/**
 * api.* figures: the same calls through the HTTP API with supabase-js, signed in
 * with a password as a Bench Retail member. Printed for comparison with the db.*
 * figures (the difference is HTTP, JWT checks, the pool and JSON parsing).
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { pageRows } from './db-metrics';
import { BENCH_PASSWORD } from './generate-org';
import { type BenchContext, type MetricGroup, medianOf, metric, progress, timed } from './measure';

const PAGE = 500;

export const apiMetrics: MetricGroup = {
  name: 'api',
  async run(context) {
    const client = await signIn(context, context.org.staff.email);
    progress(`api.sync_pull_page_ms: POST /rest/v1/rpc/sync_pull as ${context.org.staff.email}`);
    const ms = await medianOf('api.sync_pull_page_ms', async () => {
      const { ms, result } = await timed(() => client.rpc('sync_pull', { p_cursor: 0, p_limit: PAGE }));
      if (result.error) throw new Error(`sync_pull through the API failed: ${result.error.message}`);
      const page = result.data as Record<string, unknown>;
      if (pageRows(page) !== PAGE || page.has_more !== true) {
        throw new Error(`sync_pull page has ${pageRows(page)} rows through the API, expected a full page of ${PAGE}`);
      }
      return ms;
    });
    return [metric('api.sync_pull_page_ms', ms, 'ms', null)];
  },
};

async function signIn({ api }: BenchContext, email: string): Promise<SupabaseClient> {
  const client = createClient(api.url, api.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    // Node 20 has no global WebSocket; supabase-js builds its realtime client eagerly.
    realtime: { transport: ws as unknown as typeof WebSocket },
  });
  const { error } = await client.auth.signInWithPassword({ email, password: BENCH_PASSWORD });
  if (error) throw new Error(`sign-in as ${email} failed: ${error.message}`);
  return client;
}
