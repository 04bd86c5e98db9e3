/**
 * A reproducibly bad network for the API: a share of requests fails, decided by a
 * seeded PRNG (mulberry32), so a failing run can be replayed exactly. Half of the
 * failures happen before the request leaves the phone; the other half after the
 * server has answered (route.fetch(), then abort), which is how a phone loses the
 * reply to a write that did happen, and the case that makes replays matter.
 * Each kind of call (sync_push, sync_pull, auth, ...) draws from its own stream,
 * so its fate does not depend on how calls of other kinds interleave with it.
 */
import type { BrowserContext, Request, Route } from 'playwright-core';

/** mulberry32: a tiny seeded PRNG with good spread; values in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export type Fate = 'passed' | 'failed_before_server' | 'failed_after_server';

export interface FlakyCall {
  channel: string;
  method: string;
  fate: Fate;
  /** For sync_push: the mutation ids sent. */
  mutationIds: string[];
  /** For sync_push calls that reached the server: its verdict per mutation id. */
  results: Array<{ id: string; status: string }> | null;
}

export interface FlakyNetwork {
  readonly calls: FlakyCall[];
  count(fate: Fate, channel?: string): number;
  /** Stops failing requests (the route is removed). */
  stop(): Promise<void>;
}

export interface FlakyOptions {
  /** The API's origin, e.g. http://127.0.0.1:54321. */
  apiUrl: string;
  seed: number;
  /** Share of API requests that fail, half before and half after the server. */
  failureRate: number;
}

/** `rpc/sync_push`, `rpc/sync_pull`, `auth`, `rest`. */
export function channelOf(url: URL): string {
  const rpc = /^\/rest\/v1\/rpc\/([^/?]+)/.exec(url.pathname);
  if (rpc) return `rpc/${rpc[1]}`;
  return url.pathname.startsWith('/auth/v1/') ? 'auth' : 'rest';
}

function pushedIds(request: Request): string[] {
  if (!request.url().endsWith('/rpc/sync_push') || request.method() !== 'POST') return [];
  const body = request.postDataJSON() as { p_mutations?: Array<{ id: string }> } | null;
  return body?.p_mutations?.map((m) => m.id) ?? [];
}

function resultsOf(body: unknown): FlakyCall['results'] {
  const results = (body as { results?: unknown } | null)?.results;
  return Array.isArray(results) ? (results as Array<{ id: string; status: string }>) : null;
}

/** Routes every /rest/v1/ and /auth/v1/ request of `context` through the seeded failure plan. */
export async function makeNetworkFlaky(context: BrowserContext, options: FlakyOptions): Promise<FlakyNetwork> {
  const api = new URL(options.apiUrl);
  const streams = new Map<string, () => number>();
  const calls: FlakyCall[] = [];
  const draw = (channel: string) => {
    let next = streams.get(channel);
    if (!next) {
      next = mulberry32((options.seed ^ fnv1a(channel)) >>> 0);
      streams.set(channel, next);
    }
    return next();
  };
  const matches = (url: URL) => url.origin === api.origin && /^\/(rest|auth)\/v1\//.test(url.pathname);

  const handler = async (route: Route) => {
    const request = route.request();
    const channel = channelOf(new URL(request.url()));
    const roll = draw(channel);
    const call: FlakyCall = { channel, method: request.method(), fate: 'passed', mutationIds: pushedIds(request), results: null };
    calls.push(call);
    if (roll < options.failureRate / 2) {
      call.fate = 'failed_before_server';
      await route.abort('internetdisconnected');
      return;
    }
    if (roll < options.failureRate) {
      call.fate = 'failed_after_server';
      try {
        const response = await route.fetch();
        call.results = resultsOf(await response.json().catch(() => null));
      } finally {
        await route.abort('connectionreset');
      }
      return;
    }
    // Fetched here rather than continued, so the verdict of every push is on record.
    const response = await route.fetch();
    if (call.mutationIds.length > 0) call.results = resultsOf(await response.json().catch(() => null));
    await route.fulfill({ response });
  };
  await context.route(matches, handler);

  return {
    calls,
    count: (fate, channel) => calls.filter((call) => call.fate === fate && (channel === undefined || call.channel === channel)).length,
    stop: () => context.unroute(matches, handler),
  };
}
