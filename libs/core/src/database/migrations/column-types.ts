import type { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Column types that differ between the two databases. One migration serves both, so the schema
 * cannot drift apart between SQLite and PostgreSQL.
 */
export function columnTypes(queryRunner: QueryRunner) {
  const isPostgres = queryRunner.connection.options.type === 'postgres';
  return {
    isPostgres,
    time: isPostgres ? 'timestamptz' : 'datetime',
    json: isPostgres ? 'jsonb' : 'text',
    bigint: isPostgres ? 'bigint' : 'integer',
    true: isPostgres ? 'true' : '1',
    /** SQLite only auto-increments an `integer primary key`; PostgreSQL gets a bigint identity. */
    serialPrimaryKey(name: string): TableColumnOptions {
      return {
        name,
        type: isPostgres ? 'bigint' : 'integer',
        isPrimary: true,
        isGenerated: true,
        generationStrategy: 'increment',
      };
    },
  };
}
