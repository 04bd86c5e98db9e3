/** Small node-postgres helpers the local stack shares: transactions and readable errors. */
import pg, { type Pool, type PoolClient, type QueryResult, type QueryResultRow } from 'pg';

export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    client.release();
    return result;
  } catch (error) {
    const rolledBack = await client.query('rollback').then(
      () => true,
      () => false,
    );
    client.release(!rolledBack);
    throw error;
  }
}

export function isDatabaseError(error: unknown): error is pg.DatabaseError {
  return error instanceof pg.DatabaseError;
}

/** `message (line N)`, where N is the line of `sql` that Postgres pointed at, if it did. */
export function describeSqlError(error: unknown, sql: string): string {
  if (!isDatabaseError(error)) return error instanceof Error ? error.message : String(error);
  const position = Number(error.position);
  if (!position) return error.message;
  const line = sql.slice(0, position - 1).split('\n').length;
  return `${error.message} (line ${line})`;
}

/** For statements that always return exactly one row (`insert ... returning`). */
export function onlyRow<T extends QueryResultRow>(result: QueryResult<T>): T {
  const row = result.rows[0];
  if (!row) throw new Error('expected one row, got none');
  return row;
}

/** SQLSTATEs of a server that is shutting down, crashed, or still starting or recovering. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03']);
/** What node-postgres reports when it cannot reach the server or the connection dropped. */
const UNREACHABLE = /^(Connection terminated|timeout exceeded when trying to connect)/;

/** Postgres is down or restarting: worth a 503 and a retry, not a 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (isDatabaseError(error)) return UNAVAILABLE_STATES.has(error.code ?? '') || (error.code ?? '').startsWith('08');
  if (!(error instanceof Error)) return false;
  const { code } = error as NodeJS.ErrnoException;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE' || UNREACHABLE.test(error.message);
}
