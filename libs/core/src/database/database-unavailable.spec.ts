import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable.js';

/** An error as a driver throws it: better-sqlite3 and node-postgres both set `code`. */
function driverError(code: string, message = 'driver error'): Error {
  return Object.assign(new Error(message), { code });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['SQLITE_READONLY', 'a file the process may not write'],
    ['SQLITE_READONLY_DBMOVED', 'a file replaced under the server'],
    ['SQLITE_FULL', 'a full disk'],
    ['SQLITE_IOERR_WRITE', 'a failed write'],
    ['SQLITE_IOERR_FSYNC', 'a failed sync'],
    ['SQLITE_CANTOPEN', 'a file that cannot be opened'],
    ['SQLITE_BUSY_TIMEOUT', 'another writer past busy_timeout'],
    ['25006', 'a read-only PostgreSQL (standby, default_transaction_read_only)'],
    ['53100', 'a full PostgreSQL disk'],
    ['58030', 'a PostgreSQL I/O error'],
    ['57P01', 'a PostgreSQL shutting down'],
    ['08006', 'a lost connection'],
  ])('is true for %s: %s', (code) => {
    expect(isDatabaseUnavailable(driverError(code))).toBe(true);
    expect(isDatabaseUnavailable(new QueryFailedError('INSERT …', [], driverError(code)))).toBe(
      true,
    );
  });

  it.each([
    ['SQLITE_CONSTRAINT_UNIQUE', 'a duplicate'],
    ['SQLITE_CORRUPT', 'a damaged file, which no retry mends'],
    ['SQLITE_ERROR', 'a wrong statement'],
    ['23505', 'a PostgreSQL duplicate'],
    ['22P02', 'a PostgreSQL value of the wrong type'],
  ])('is false for %s: %s', (code) => {
    expect(isDatabaseUnavailable(driverError(code))).toBe(false);
  });
});
