import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { SqlDialect, type BoundColumn } from './sql-dialect.js';

const dialect = (type: 'postgres' | 'better-sqlite3') =>
  new SqlDialect({ options: { type } } as DataSource);

const PAIR: BoundColumn[] = [
  { name: 'id', postgresType: 'varchar' },
  { name: 'at', postgresType: 'timestamptz' },
];

describe('SqlDialect', () => {
  it('numbers placeholders for PostgreSQL and leaves them to SQLite', () => {
    const text = 'UPDATE t SET a = ? WHERE b = ? AND c = ?';
    expect(dialect('postgres').sql(text)).toBe('UPDATE t SET a = $1 WHERE b = $2 AND c = $3');
    expect(dialect('better-sqlite3').sql(text)).toBe(text);
  });

  it('binds a list and a table of rows as one parameter, whatever their length', () => {
    const postgres = dialect('postgres');
    const sqlite = dialect('better-sqlite3');
    expect(postgres.isIn('id', 'bigint')).toBe('id = ANY(CAST(? AS bigint[]))');
    expect(postgres.list([1, 2])).toEqual([1, 2]);
    expect(sqlite.isIn('id', 'bigint')).toBe('id IN (SELECT value FROM json_each(?))');
    expect(sqlite.list([1, 2])).toBe('[1,2]');

    expect(postgres.rows(PAIR)).toBe(
      'jsonb_to_recordset(CAST(? AS jsonb)) AS bound(id varchar, at timestamptz)',
    );
    expect(JSON.parse(postgres.rowsValue(PAIR, [['a', 't']]) as string)).toEqual([
      { id: 'a', at: 't' },
    ]);
    expect(sqlite.rows(PAIR)).toBe(
      '(SELECT value ->> 0 AS id, value ->> 1 AS at FROM json_each(?)) AS bound',
    );
    expect(sqlite.rowsValue(PAIR, [['a', 't']])).toBe('[["a","t"]]');
  });

  it('binds times as each dialect stores them', () => {
    const time = new Date('2026-12-06T10:00:00.123Z');
    expect(dialect('postgres').time(time)).toBe('2026-12-06T10:00:00.123Z');
    expect(dialect('better-sqlite3').time(time)).toBe('2026-12-06 10:00:00.123');
  });
});
