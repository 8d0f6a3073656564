import type pg from 'pg';
import { isDatabaseUnavailable } from '../../database/database-unavailable.js';

/** node-postgres honours `query_timeout` per query; its types list it for clients only. */
type TimedQuery = pg.QueryConfig & { query_timeout: number };

/** Runs the queries of one transaction, each failing when unanswered within the timeout. */
export type TransactionQuery = <R extends pg.QueryResultRow = pg.QueryResultRow>(
  query: pg.QueryConfig,
) => Promise<pg.QueryResult<R>>;

/**
 * Runs `work` in a transaction on a connection of its own. Each query fails when no answer came
 * within `queryTimeoutMs`: on a network that went silent without closing the connection, a push
 * would otherwise wait until TCP gives up. A connection that failed, timed out or cannot even
 * roll back is closed rather than reused.
 */
export async function inPostgresTransaction<T>(
  pool: pg.Pool,
  queryTimeoutMs: number,
  work: (query: TransactionQuery) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A connection that drops between two queries reports it as an event, not as a failed
  // query; unheard, that event would crash the process. The next query fails on its own.
  const onConnectionError = (error: Error) => {
    broken = error;
  };
  client.on('error', onConnectionError);
  const query: TransactionQuery = <R extends pg.QueryResultRow>(config: pg.QueryConfig) => {
    const timed: TimedQuery = { ...config, query_timeout: queryTimeoutMs };
    return client.query<R>(timed);
  };
  try {
    await query({ text: 'BEGIN' });
    try {
      const result = await work(query);
      await query({ text: 'COMMIT' });
      return result;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) {
        await query({ text: 'ROLLBACK' }).catch((rollbackError: Error) => {
          broken = rollbackError;
        });
      }
      throw error;
    }
  } catch (error) {
    // A connection that is gone or silent (a query that timed out is still running on it)
    // cannot roll back, nor serve anyone else: closing it ends the transaction on the server.
    if (isDatabaseUnavailable(error)) broken = error as Error;
    throw error;
  } finally {
    client.off('error', onConnectionError);
    client.release(broken);
  }
}
