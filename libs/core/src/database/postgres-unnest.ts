/**
 * Many rows bound as one array per column (`SELECT * FROM unnest($1::text[], $2::int[])`): however
 * many rows there are, a fixed number of parameters and one prepared statement. `types` gives the
 * PostgreSQL type of each column; a column it does not name is text.
 */
export function unnestOf(
  columns: readonly string[],
  types: Readonly<Record<string, string>>,
): string {
  const arrays = columns.map((column, index) => `$${index + 1}::${types[column] ?? 'text'}[]`);
  return `unnest(${arrays.join(', ')})`;
}

/** Rows as one array per column, for `unnestOf`. */
export function byColumn<T>(rows: readonly (readonly T[])[], width: number): (T | null)[][] {
  return Array.from({ length: width }, (_, column) => rows.map((row) => row[column] ?? null));
}
