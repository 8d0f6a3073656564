const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

/**
 * SQLite's result codes for storage that cannot take a write now, each with its extended codes
 * (`SQLITE_IOERR_FSYNC`, `SQLITE_READONLY_DBMOVED`, …; better-sqlite3 reports the extended one):
 * a file the process may not write, a full disk, an I/O error, a file that cannot be opened,
 * another writer holding the lock past `busy_timeout`, a race on the WAL's shared memory.
 * Not SQLITE_CORRUPT: a damaged file is a fault no retry mends.
 */
const SQLITE_UNAVAILABLE = /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|BUSY|PROTOCOL)(_[A-Z_]+)?$/;

/**
 * PostgreSQL's SQLSTATE classes 08 (connection exception), 53 (insufficient resources: disk
 * full, out of memory, too many connections), 57 (operator intervention, e.g. shutdown) and 58
 * (system error: I/O), and 25006: a read-only transaction, as on a standby after a failover or
 * with `default_transaction_read_only`.
 */
const POSTGRES_UNAVAILABLE = /^(08|53|57|58)...$|^25006$/;

const CONNECTION_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'the database system is shutting down',
  'the database system is starting up',
  'terminating connection',
  'database connection is not open',
  // node-postgres, when a query got no answer within query_timeout.
  'Query read timeout',
];

/**
 * True when an error means the database could not be reached or could not write, rather than
 * that the request was wrong: the caller should be told to retry (503), not that it failed.
 * Errors that stay until an operator acts (a read-only file) count too: the sender keeps its
 * alerts and retries, and readiness sends the traffic elsewhere meanwhile.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const { code, message, driverError } = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
    };
    if (
      typeof code === 'string' &&
      (CONNECTION_ERROR_CODES.has(code) ||
        SQLITE_UNAVAILABLE.test(code) ||
        POSTGRES_UNAVAILABLE.test(code))
    ) {
      return true;
    }
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => message.includes(m))) {
      return true;
    }
    current = driverError;
  }
  return false;
}
