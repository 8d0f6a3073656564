import type { Column, ColumnKind } from './table.js';

/** A value as a driver binds it. */
export type SqlValue = string | number | null;

/**
 * How one dialect binds and reads the values of each column kind. Encoders never see null (a
 * null is bound as null); decoders never see null or undefined either.
 */
export interface DialectCodec {
  readonly encode: { readonly [Kind in ColumnKind]: (value: never) => unknown };
  readonly decode: { readonly [Kind in ColumnKind]: (value: unknown) => unknown };
}

/**
 * Encodes values of `columns` with `codec`, spelling each distinct time or object once: the
 * same time (the time a push was received fills four columns of an event and its new alert)
 * and the same labels (a new alert's are its event's) come back column after column. One per
 * write: what it remembers lives as long as the write.
 */
export class RowEncoder {
  private readonly times = new Map<number, unknown>();
  private readonly objects = new Map<unknown, unknown>();

  constructor(private readonly codec: DialectCodec) {}

  values<Row>(row: Row, columns: readonly Column<Row>[]): unknown[] {
    return columns.map((column) => this.value(row, column));
  }

  value<Row>(row: Row, column: Column<Row>): unknown {
    const value = row[column.field] as unknown;
    if (value === null || value === undefined) return null;
    const encode = this.codec.encode[column.kind] as (value: unknown) => unknown;
    if (column.kind === 'time') return once(this.times, (value as Date).getTime(), value, encode);
    if (column.kind === 'json') return once(this.objects, value, value, encode);
    return encode(value);
  }
}

/** A row read back from the driver (keyed by column name) as the fields of `Row`. */
export function decodeRow<Row>(
  row: Readonly<Record<string, unknown>>,
  columns: readonly Column<Row>[],
  codec: DialectCodec,
): Row {
  const decoded: Partial<Record<keyof Row, unknown>> = {};
  for (const column of columns) {
    const value = row[column.name];
    decoded[column.field] =
      value === null || value === undefined ? null : codec.decode[column.kind](value);
  }
  return decoded as Row;
}

function once<K>(
  encoded: Map<K, unknown>,
  key: K,
  value: unknown,
  encode: (value: unknown) => unknown,
): unknown {
  if (encoded.has(key)) return encoded.get(key);
  const text = encode(value);
  encoded.set(key, text);
  return text;
}
