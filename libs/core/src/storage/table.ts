/**
 * How a column is stored, which decides its SQL type in each dialect and how a value is bound and
 * read back:
 * - `id`: an auto-incremented key (SQLite `integer`, PostgreSQL `bigint`), read as a number;
 * - `text`, `integer`: as they are;
 * - `boolean`: a flag (SQLite `boolean`, stored 0 or 1; PostgreSQL `boolean`);
 * - `time`: a `Date` (SQLite `datetime` text as TypeORM writes it, PostgreSQL `timestamptz`);
 * - `json`: a value kept as JSON (SQLite `text`, PostgreSQL `jsonb`);
 * - `json-text`: JSON text the application already encoded and measured, kept as text in both
 *   dialects: the database never parses it (an event's raw payload).
 */
export type ColumnKind = 'id' | 'text' | 'integer' | 'boolean' | 'time' | 'json' | 'json-text';

/** One column of a table declaration: its SQL name, its kind, and whether it may hold null. */
export interface ColumnSpec<Kind extends ColumnKind = ColumnKind> {
  readonly name: string;
  readonly kind: Kind;
  readonly nullable?: boolean;
}

/** The kinds a field of type `T` may be stored as. */
type KindsFor<T> = [T] extends [Date]
  ? 'time'
  : [T] extends [boolean]
    ? 'boolean'
    : [T] extends [number]
      ? 'id' | 'integer'
      : [T] extends [string]
        ? 'text' | 'json-text'
        : 'json';

/**
 * A column per field of `Row`, none left out, of a kind that fits the field's type (a `Date` is
 * a `time`, a `boolean` a `boolean`, …). A field whose type admits null must be declared
 * `nullable: true` and the others must not: the compiler checks the declaration against the type.
 */
export type ColumnSpecs<Row> = {
  readonly [Field in keyof Row]-?: null extends Row[Field]
    ? ColumnSpec<KindsFor<NonNullable<Row[Field]>>> & { readonly nullable: true }
    : ColumnSpec<KindsFor<NonNullable<Row[Field]>>> & { readonly nullable?: false };
};

/** A declared column with the field of the row it holds. */
export interface Column<Row> extends ColumnSpec {
  readonly field: keyof Row & string;
  readonly nullable: boolean;
}

/**
 * A table as the storage layer writes it: its columns declared once, keyed by the field of `Row`
 * each holds. The SQL, the bound values and the decoding of every writer are derived from this;
 * the start-up check (`checkSchema`) compares it with the schema the migrations made.
 */
export class Table<Row> {
  readonly columns: readonly Column<Row>[];
  private readonly byField: ReadonlyMap<keyof Row, Column<Row>>;

  constructor(
    readonly name: string,
    specs: ColumnSpecs<Row>,
  ) {
    this.columns = (Object.keys(specs) as (keyof Row & string)[]).map((field) => {
      const spec: ColumnSpec = specs[field];
      return { ...spec, field, nullable: spec.nullable === true };
    });
    this.byField = new Map(this.columns.map((column) => [column.field, column]));
  }

  /** The columns of `fields`, in that order. */
  pick(fields: readonly (keyof Row)[]): Column<Row>[] {
    return fields.map((field) => {
      const column = this.byField.get(field);
      if (!column) throw new Error(`${this.name} declares no column for ${String(field)}`);
      return column;
    });
  }

  /** Every column but the generated key: what an insert binds. */
  insertColumns(): Column<Row>[] {
    return this.columns.filter((column) => column.kind !== 'id');
  }

  /** The generated key, if the table has one. */
  idColumn(): Column<Row> | undefined {
    return this.columns.find((column) => column.kind === 'id');
  }
}
