/**
 * Streams a `COPY ... TO STDOUT` result to an HTTP response chunk by chunk, waiting for
 * the client to drain, so an export of a million rows never sits in memory.
 */
import type { ServerResponse } from 'node:http';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/**
 * Writes the status line only once a data row (or the end) arrives: COPY sends the
 * header row before the function body runs, and an error the function raises must
 * still become a proper error response. Leaves the response open for the caller to
 * end after COMMIT.
 */
export async function streamCsv(client: PoolClient, copySql: string, res: ServerResponse): Promise<void> {
  let pending: Buffer | null = Buffer.alloc(0);
  const rows: AsyncIterable<Buffer> = client.query(copyTo(copySql));
  for await (const chunk of rows) {
    let data = chunk;
    if (pending) {
      pending = Buffer.concat([pending, chunk]);
      const headerEnd = pending.indexOf(10);
      if (headerEnd === -1 || headerEnd === pending.length - 1) continue;
      data = pending;
      pending = null;
      res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
    }
    if (!res.write(data) && !(await drained(res))) throw new Error('client closed the connection during a CSV export');
  }
  if (pending) {
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
    res.write(pending);
  }
}

/** False when the client went away instead of draining. */
function drained(res: ServerResponse): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const finish = (open: boolean) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(open);
    };
    const onDrain = () => finish(true);
    const onClose = () => finish(false);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}
