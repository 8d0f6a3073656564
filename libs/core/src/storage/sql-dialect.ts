import type { DataSource } from 'typeorm';
import { decodeRow, type DialectCodec } from './codec.js';
import { POSTGRES_CODEC } from './postgres/postgres-codec.js';
import { SQLITE_CODEC } from './sqlite/sqlite-codec.js';
import type { Column, Table } from './table.js';

/** A column of a table bound as one parameter (`SqlDialect.rows`), with its PostgreSQL type. */
export interface BoundColumn {
  name: string;
  postgresType: 'varchar' | 'bigint' | 'integer' | 'timestamptz';
}

/**
 * What differs between SQLite and PostgreSQL in a hand-written statement, for the few places
 * that skip TypeORM's builders because they run many times a second (the notification worker).
 * A statement is written once with `?` placeholders; a list or a table of rows is bound as one
 * parameter, so that the statement's text, and the statement the driver prepares, stay the same
 * whatever their length.
 */
export class SqlDialect {
  readonly postgres: boolean;
  private readonly codec: DialectCodec;

  constructor(dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
    this.codec = this.postgres ? POSTGRES_CODEC : SQLITE_CODEC;
  }

  /** The statement with its `?` placeholders numbered for PostgreSQL (`$1`, `$2`, …). */
  sql(text: string): string {
    if (!this.postgres) return text;
    let index = 0;
    return text.replace(/\?/g, () => `$${++index}`);
  }

  /** A condition: `column` equals one of the values of a list bound as one parameter. */
  isIn(column: string, type: BoundColumn['postgresType']): string {
    return this.postgres
      ? `${column} = ANY(CAST(? AS ${type}[]))`
      : `${column} IN (SELECT value FROM json_each(?))`;
  }

  /** The value to bind for an `isIn` parameter. */
  list(values: readonly (string | number)[]): unknown {
    return this.postgres ? values : JSON.stringify(values);
  }

  /** A table expression of the rows bound as one parameter (`rowsValue`), with `columns`. */
  rows(columns: readonly BoundColumn[]): string {
    if (this.postgres) {
      const types = columns.map((column) => `${column.name} ${column.postgresType}`).join(', ');
      return `jsonb_to_recordset(CAST(? AS jsonb)) AS bound(${types})`;
    }
    const fields = columns
      .map((column, index) => `value ->> ${index} AS ${column.name}`)
      .join(', ');
    return `(SELECT ${fields} FROM json_each(?)) AS bound`;
  }

  /** The value to bind for a `rows` parameter: each row's values in the order of its columns. */
  rowsValue(columns: readonly BoundColumn[], rows: readonly (readonly unknown[])[]): unknown {
    if (!this.postgres) return JSON.stringify(rows);
    return JSON.stringify(
      rows.map((row) => Object.fromEntries(columns.map((column, i) => [column.name, row[i]]))),
    );
  }

  /** A time as this dialect binds and compares it. */
  time(date: Date): unknown {
    return this.codec.encode.time(date as never);
  }

  /**
   * Rows read back (keyed by column name) as `fields` of `table`'s rows, each decoded as the
   * table declares it: a statement that selects some columns reads just those.
   */
  decode<Row, Field extends keyof Row>(
    table: Table<Row>,
    fields: readonly Field[],
    rows: readonly Readonly<Record<string, unknown>>[],
  ): Pick<Row, Field>[] {
    const columns: readonly Column<Row>[] = table.pick(fields);
    return rows.map((row) => decodeRow(row, columns, this.codec));
  }
}
