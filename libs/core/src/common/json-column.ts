import type { ValueTransformer } from 'typeorm';

/**
 * JSON kept as text on SQLite and as jsonb on PostgreSQL: written as a JSON string either way,
 * read back from whichever form the driver returns.
 */
export const jsonColumn: ValueTransformer = {
  to: (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value)),
  from: (value: unknown): unknown =>
    typeof value === 'string' ? (JSON.parse(value) as unknown) : value,
};
