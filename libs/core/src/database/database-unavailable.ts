const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_FULL',
]);

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
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const { code, message, driverError } = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
    };
    if (typeof code === 'string') {
      // PostgreSQL classes 08 (connection exception), 53 (insufficient resources), 57 (operator
      // intervention, e.g. shutdown).
      if (CONNECTION_ERROR_CODES.has(code) || /^(08|53|57)/.test(code)) return true;
    }
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => message.includes(m))) {
      return true;
    }
    current = driverError;
  }
  return false;
}
