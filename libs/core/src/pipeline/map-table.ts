import { setLabel } from './event-labels.js';

/** Bounds of one map table: it is held in memory, indexed, by every instance. */
export const MAP_TABLE_LIMITS = {
  rows: 50_000,
  columns: 20,
  /** The CSV text, or the JSON rows as text. */
  bytes: 4 * 1024 * 1024,
  cellLength: 1000,
  nameLength: 64,
  tablesPerIntegration: 20,
} as const;

/** A lookup table as uploaded: one key column, the others become labels of the events it maps. */
export interface MapTableContent {
  keyColumn: string;
  /** Every column, the key's included, in the order given. */
  columns: string[];
  /** Cells by column name; a row's key is unique in the table. */
  rows: Record<string, string>[];
}

/** A table ready to look up: key → the labels it sets, in column order. */
export type MapTableIndex = ReadonlyMap<string, ReadonlyArray<[string, string]>>;

/** Builds the index once per version: a lookup is one Map get, whatever the table's size. */
export function indexMapTable(table: MapTableContent): MapTableIndex {
  const valueColumns = table.columns.filter((column) => column !== table.keyColumn);
  const index = new Map<string, [string, string][]>();
  for (const row of table.rows) {
    const key = row[table.keyColumn];
    if (key === undefined) continue;
    index.set(
      key,
      valueColumns.flatMap((column) => {
        const value = Object.hasOwn(row, column) ? row[column] : undefined;
        return value === undefined || value === '' ? [] : [[column, value] as [string, string]];
      }),
    );
  }
  return index;
}

/** A row of cells as an object whose keys are the columns, safe whatever a header says. */
export function rowOf(
  columns: readonly string[],
  cells: readonly string[],
): Record<string, string> {
  const row: Record<string, string> = {};
  columns.forEach((column, index) => setLabel(row, column, cells[index] ?? ''));
  return row;
}
