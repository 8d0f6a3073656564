import type { RowEncoder } from '../codec.js';
import type { Column, ColumnKind, Table } from '../table.js';

/** The PostgreSQL type each kind is read as from the rows' JSON. */
const RECORD_TYPES: Record<ColumnKind, string> = {
  id: 'bigint',
  text: 'text',
  integer: 'bigint',
  boolean: 'boolean',
  time: 'timestamptz',
  json: 'jsonb',
  'json-text': 'text',
};

const names = <Row>(columns: readonly Column<Row>[]): string =>
  columns.map((column) => column.name).join(', ');

/**
 * Many rows bound as one parameter: a JSON array of objects (`$n`), read back as a table `v`
 * by `jsonb_to_recordset`. The one bulk strategy of the PostgreSQL writer, for every table:
 * one array per column (`unnest`) cost more on both sides (node-postgres escaped every element
 * of every array, PostgreSQL parsed each array, then each JSON value in it again); see
 * docs/performance.md for the measurement.
 */
export function bulkRowsSource<Row>(columns: readonly Column<Row>[], parameter: number): string {
  const types = columns.map((column) => `${column.name} ${RECORD_TYPES[column.kind]}`);
  return `jsonb_to_recordset($${parameter}::jsonb) AS v(${types.join(', ')})`;
}

/** The value of `bulkRowsSource(columns)`: each row as an object keyed by column name. */
export function bulkRowsJson<Row>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  encoder: RowEncoder,
): string {
  return JSON.stringify(
    rows.map((row) => {
      const record: Record<string, unknown> = {};
      for (const column of columns) record[column.name] = encoder.value(row, column);
      return record;
    }),
  );
}

/** Inserts the bulk rows of parameter `parameter` into `table`. */
export function bulkInsertSql<Row>(
  table: Table<Row>,
  columns: readonly Column<Row>[],
  parameter: number,
): string {
  return `INSERT INTO ${table.name} (${names(columns)})
          SELECT ${names(columns)} FROM ${bulkRowsSource(columns, parameter)}`;
}

/** Sets `columns` of each row whose key the bulk rows of `$1` name. */
export function bulkUpdateSql<Row>(table: Table<Row>, columns: readonly Column<Row>[]): string {
  const id = table.idColumn();
  if (!id) throw new Error(`${table.name} has no key to update rows by`);
  const sets = columns.map((column) => `${column.name} = v.${column.name}`).join(', ');
  return `UPDATE ${table.name} AS t SET ${sets} FROM ${bulkRowsSource([id, ...columns], 1)}
          WHERE t.${id.name} = v.${id.name}`;
}
