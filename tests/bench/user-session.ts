/**
 * Runs SQL exactly as an API request from one user would: inside a transaction,
 * as role authenticated, with that user's JWT claims in request.jwt.claims.
 */
import type { PoolClient, QueryConfig } from 'pg';

export async function asUser<T>(client: PoolClient, userId: string, work: () => Promise<T>, options: { commit?: boolean } = {}): Promise<T> {
  await client.query('begin');
  try {
    await client.query(`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`, [
      JSON.stringify({ sub: userId, role: 'authenticated' }),
    ]);
    const result = await work();
    await client.query(options.commit ? 'commit' : 'rollback');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/**
 * A query whose json/jsonb values stay text: the timing then covers execution,
 * serialisation and transfer, but not JSON.parse in Node.
 */
export function rawQuery(text: string, values: unknown[] = []): QueryConfig {
  return { text, values, types: { getTypeParser: () => (value: string) => value } };
}
