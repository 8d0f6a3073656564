import { decodeSqliteTime, encodeSqliteTime } from '../../database/sqlite-time.js';
import type { DialectCodec } from '../codec.js';

const asNumber = (value: unknown): number => Number(value);
const same = <T>(value: T): T => value;

/** SQLite as TypeORM writes and reads it: times and JSON as text. */
export const SQLITE_CODEC: DialectCodec = {
  encode: {
    id: same<number>,
    text: same<string>,
    integer: same<number>,
    boolean: (value: boolean) => (value ? 1 : 0),
    time: encodeSqliteTime,
    json: (value: unknown) => JSON.stringify(value),
    'json-text': same<string>,
  },
  decode: {
    id: asNumber,
    text: same,
    integer: asNumber,
    boolean: (value) => value === 1 || value === true,
    time: decodeSqliteTime,
    json: (value) => JSON.parse(value as string) as unknown,
    'json-text': same,
  },
};
