import type { Column, Table } from '../table.js';

const names = <Row>(columns: readonly Column<Row>[]): string =>
  columns.map((column) => column.name).join(', ');

export function sqliteInsertSql<Row>(table: Table<Row>, columns: readonly Column<Row>[]): string {
  const places = columns.map(() => '?').join(', ');
  return `INSERT INTO ${table.name} (${names(columns)}) VALUES (${places})`;
}

/** Sets `columns` of the row whose key is the last parameter. */
export function sqliteUpdateByIdSql<Row>(
  table: Table<Row>,
  columns: readonly Column<Row>[],
): string {
  const id = table.idColumn();
  if (!id) throw new Error(`${table.name} has no key to update rows by`);
  const sets = columns.map((column) => `${column.name} = ?`).join(', ');
  return `UPDATE ${table.name} SET ${sets} WHERE ${id.name} = ?`;
}

export function selectList<Row>(table: Table<Row>): string {
  return names(table.columns);
}
