import { PayloadError } from '../payload-error.js';
import { describeValue } from './describe-value.js';

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/**
 * Below this a number is seconds, from it on milliseconds: 10^11 seconds is the year 5138, and
 * 10^11 milliseconds is 1973, so between 2000 and 2100 the two never overlap.
 */
const MILLISECONDS_FROM = 1e11;

const DECIMAL_NUMBER = /^\d+(?:\.\d+)?$/;

function epochNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && DECIMAL_NUMBER.test(value.trim())) return Number(value.trim());
  return undefined;
}

/**
 * A Unix time in seconds or in milliseconds, told apart by size: sources document one and send the
 * other (Alibaba CloudMonitor's docs show seconds, its callbacks carry milliseconds). A number or
 * its text; missing, `null` and `""` are no time. Anything outside 2000–2100 is an error: it is no
 * time but a mistake (a counter, microseconds).
 */
export function readEpochTime(value: unknown, path: string): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = epochNumber(value);
  const milliseconds =
    number === undefined ? undefined : number >= MILLISECONDS_FROM ? number : number * 1000;
  if (milliseconds === undefined || milliseconds < EARLIEST || milliseconds >= LATEST) {
    throw new PayloadError(
      `expected Unix seconds or milliseconds between 2000 and 2100, got ${describeValue(value)}`,
      path,
    );
  }
  return new Date(Math.round(milliseconds));
}
