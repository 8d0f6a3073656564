import type { DataSource } from 'typeorm';
import type { ColumnKind, Table } from './table.js';

/** A column as the database describes it. */
export interface ActualColumn {
  name: string;
  /** The declared type, lower case: `varchar(36)`, `timestamp with time zone`, … */
  type: string;
  nullable: boolean;
  hasDefault: boolean;
}

/** The declarations disagree with the schema the migrations made: the server must not start. */
export class SchemaMismatchError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      "The storage layer's table declarations disagree with the database schema (a column " +
        'declared in libs/core/src/storage without its migration, or the reverse):\n- ' +
        problems.join('\n- '),
    );
    this.name = 'SchemaMismatchError';
  }
}

/** The type families each kind may be stored as, by the type's first word. */
const FAMILIES: Record<ColumnKind, readonly string[]> = {
  id: ['integer', 'bigint'],
  text: ['varchar', 'character', 'text'],
  integer: ['integer', 'bigint', 'int'],
  boolean: ['boolean'],
  time: ['datetime', 'timestamp'],
  json: ['text', 'jsonb'],
  'json-text': ['text'],
};

function family(type: string): string {
  return /^[a-z]+/.exec(type)?.[0] ?? type;
}

/** What is wrong between `table`'s declaration and the columns the database has for it. */
export function schemaProblems(table: Table<unknown>, actual: readonly ActualColumn[]): string[] {
  if (actual.length === 0) return [`table ${table.name} does not exist`];
  const problems: string[] = [];
  const byName = new Map(actual.map((column) => [column.name, column]));
  for (const declared of table.columns) {
    const column = byName.get(declared.name);
    const where = `${table.name}.${declared.name}`;
    if (!column) {
      problems.push(`${where} is declared but the database has no such column`);
      continue;
    }
    if (!FAMILIES[declared.kind].includes(family(column.type))) {
      problems.push(`${where} is declared ${declared.kind} but stored as ${column.type}`);
    }
    // A key is never null, whatever its column says (SQLite reports its rowid alias nullable).
    if (declared.kind !== 'id' && column.nullable !== declared.nullable) {
      const says = declared.nullable ? 'nullable' : 'not null';
      problems.push(`${where} is declared ${says} but the database says the opposite`);
    }
  }
  const declared = new Set(table.columns.map((column) => column.name));
  for (const column of actual) {
    if (!declared.has(column.name) && !column.nullable && !column.hasDefault) {
      problems.push(
        `${table.name}.${column.name} is required by the database but not declared: inserts would fail`,
      );
    }
  }
  return problems;
}

interface SqliteColumnRow {
  name: string;
  type: string;
  notnull: number;
  dflt_value: unknown;
  pk: number;
}

interface PostgresColumnRow {
  column_name: string;
  data_type: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  is_identity: 'YES' | 'NO';
}

/** The columns of `table` as the database has them; none when it does not exist. */
export async function actualColumns(
  dataSource: DataSource,
  table: string,
): Promise<ActualColumn[]> {
  if (dataSource.options.type === 'postgres') {
    const rows: PostgresColumnRow[] = await dataSource.query(
      `SELECT column_name, data_type, is_nullable, column_default, is_identity
       FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = $1`,
      [table],
    );
    return rows.map((row) => ({
      name: row.column_name,
      type: row.data_type.toLowerCase(),
      nullable: row.is_nullable === 'YES',
      hasDefault: row.column_default !== null || row.is_identity === 'YES',
    }));
  }
  const rows: SqliteColumnRow[] = await dataSource.query(
    `SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`,
    [table],
  );
  return rows.map((row) => ({
    name: row.name,
    type: row.type.toLowerCase(),
    nullable: row.notnull === 0,
    hasDefault: row.dflt_value !== null || row.pk > 0,
  }));
}

/** Refuses (throws `SchemaMismatchError`) when a declaration disagrees with the schema. */
export async function checkSchema(
  dataSource: DataSource,
  tables: readonly Table<unknown>[],
): Promise<void> {
  const problems: string[] = [];
  for (const table of tables) {
    problems.push(...schemaProblems(table, await actualColumns(dataSource, table.name)));
  }
  if (problems.length > 0) throw new SchemaMismatchError(problems);
}
