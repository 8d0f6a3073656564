/**
 * The largest number an `integer` column holds on PostgreSQL (SQLite's hold 64 bits). A number
 * written to such a column or compared with it must be checked against this first: PostgreSQL
 * fails the whole statement on a larger one.
 */
export const INTEGER_COLUMN_MAX = 2 ** 31 - 1;
