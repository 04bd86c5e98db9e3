/**
 * /functions/v1/<name>: the local stack serving Edge Functions' handlers (the same
 * modules `supabase functions deploy` ships), as Supabase's gateway does with
 * verify_jwt off: the function checks its own caller. A handler is a fetch handler
 * made from the runtime it needs: its environment (SUPABASE_URL and
 * SUPABASE_SERVICE_ROLE_KEY as on hosted, plus the stack's function secrets),
 * waitUntil for work after the response (EdgeRuntime.waitUntil there), and a signal
 * aborted when the stack stops, which then waits for that work to end.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BODY_TOO_LARGE, readBody, sendJson } from './http-util';

export interface FunctionRuntime {
  env(name: string): string | undefined;
  waitUntil(work: Promise<unknown>): void;
  signal: AbortSignal;
  log(line: string): void;
}

export type FetchHandler = (request: Request) => Promise<Response>;

/** A function as the stack is given it: its handler, made once from the runtime. */
export type LocalFunction = (runtime: FunctionRuntime) => FetchHandler;

export interface FunctionsApi {
  handle(name: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  /** Aborts what the functions run in the background and waits for it to end. */
  stop(): Promise<void>;
}

export function functionsApi(functions: Record<string, LocalFunction>, env: Record<string, string>, log: (line: string) => void): FunctionsApi {
  const stopping = new AbortController();
  const background = new Set<Promise<unknown>>();
  const runtime: FunctionRuntime = {
    env: (name) => env[name],
    waitUntil(work) {
      const tracked = work.catch((error: unknown) => log(`function background work failed: ${error instanceof Error ? error.message : String(error)}`));
      background.add(tracked);
      void tracked.finally(() => background.delete(tracked));
    },
    signal: stopping.signal,
    log,
  };
  const handlers = new Map(Object.entries(functions).map(([name, make]) => [name, make(runtime)]));

  return {
    async handle(name, req, res, url) {
      const handler = handlers.get(name);
      if (!handler) {
        sendJson(res, 404, { code: 'NOT_FOUND', message: 'Requested function was not found' });
        return;
      }
      const method = req.method ?? 'GET';
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
      if (body === null) {
        sendJson(res, 413, { message: BODY_TOO_LARGE }, { connection: 'close' });
        return;
      }
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(key, one);
      }
      const response = await handler(new Request(url, { method, headers, body }));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    },
    async stop() {
      stopping.abort();
      while (background.size > 0) await Promise.allSettled([...background]);
    },
  };
}
