import { postgresTime } from '../../database/postgres-time.js';
import type { DialectCodec } from '../codec.js';

const asNumber = (value: unknown): number => Number(value);
const same = <T>(value: T): T => value;

/**
 * PostgreSQL through the writer's bulk rows (`postgres-bulk-rows.ts`): every row is part of one
 * JSON document, so JSON values go in as they are and times as ISO text. Read back, node-postgres
 * gives times as `Date` and jsonb as parsed values; text JSON is parsed here.
 */
export const POSTGRES_CODEC: DialectCodec = {
  encode: {
    id: same<number>,
    text: same<string>,
    integer: same<number>,
    boolean: same<boolean>,
    time: postgresTime,
    json: same<unknown>,
    'json-text': same<string>,
  },
  decode: {
    id: asNumber,
    text: same,
    integer: asNumber,
    boolean: same,
    time: (value) => (value instanceof Date ? value : new Date(value as string)),
    json: (value) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : value),
    'json-text': same,
  },
};
