import { PayloadError } from '../payload-error.js';
import { readEpochTime } from '../payload/epoch-time.js';
import {
  readIsoTime,
  readLocalTime,
  readUtcOffset,
  readZonedTime,
} from '../payload/payload-time.js';
import { isTimeZoneName } from '../payload/time-zone-name.js';
import { GrammarError, type MappingPath } from './mapping-grammar.js';

/** How a mapping reads an event time; see the README of plugins/webhook. */
export const TIME_FORMATS = ['auto', 'iso8601', 'epoch', 'pattern'] as const;
export type TimeFormat = (typeof TIME_FORMATS)[number];

/** A zone as a mapping names it: an IANA name (summer time included) or a fixed UTC offset. */
export type MappingTimeZone = { kind: 'iana'; name: string } | { kind: 'offset'; offset: string };

/** A pattern such as `DD/MM/YYYY HH:mm:ss`, as an anchored expression of fixed-width digits. */
export interface LocalTimePattern {
  readonly expression: RegExp;
  /** Which token each capture group of `expression` holds, in order. */
  readonly tokens: readonly PatternToken[];
}

export interface MappingTime {
  readonly path: MappingPath;
  readonly format: TimeFormat;
  readonly pattern?: LocalTimePattern;
  readonly zone: MappingTimeZone;
}

const PATTERN_TOKENS = ['YYYY', 'MM', 'DD', 'HH', 'mm', 'ss', 'SSS'] as const;
type PatternToken = (typeof PATTERN_TOKENS)[number];
const REQUIRED_TOKENS: readonly PatternToken[] = ['YYYY', 'MM', 'DD', 'HH', 'mm'];
const TOKEN_DIGITS: Record<PatternToken, string> = {
  YYYY: '(\\d{4})',
  MM: '(\\d{2})',
  DD: '(\\d{2})',
  HH: '(\\d{2})',
  mm: '(\\d{2})',
  ss: '(\\d{2})',
  SSS: '(\\d{1,9})',
};
export const PATTERN_LENGTH_LIMIT = 64;

function isAsciiLetter(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z');
}

/**
 * Compiles a pattern: the tokens `YYYY MM DD HH mm ss SSS` (each at most once; the first five
 * required, `SSS` a fraction of 1 to 9 digits) and literal characters, the letter `T` or any
 * character that is not a letter. Throws a `GrammarError` saying what and where.
 */
export function compileTimePattern(pattern: string): LocalTimePattern {
  if (pattern.length > PATTERN_LENGTH_LIMIT) {
    throw new GrammarError(`a pattern is at most ${PATTERN_LENGTH_LIMIT} characters`);
  }
  const tokens: PatternToken[] = [];
  let source = '^';
  let at = 0;
  while (at < pattern.length) {
    const token = PATTERN_TOKENS.find((candidate) => pattern.startsWith(candidate, at));
    if (token !== undefined) {
      if (tokens.includes(token)) throw new GrammarError(`${token} appears twice`, at);
      tokens.push(token);
      source += TOKEN_DIGITS[token];
      at += token.length;
      continue;
    }
    const char = pattern.charAt(at);
    if (isAsciiLetter(char) && char !== 'T') {
      throw new GrammarError(
        `"${char}" is neither a token (${PATTERN_TOKENS.join(' ')}) nor a separator`,
        at,
      );
    }
    source += char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    at += 1;
  }
  const missing = REQUIRED_TOKENS.filter((token) => !tokens.includes(token));
  if (missing.length > 0) throw new GrammarError(`the pattern lacks ${missing.join(', ')}`);
  return { expression: new RegExp(`${source}$`), tokens };
}

/** An IANA zone name or a UTC offset (`+08:00`, `Z`); throws a GrammarError for anything else. */
export function readMappingTimeZone(name: string): MappingTimeZone {
  if (isTimeZoneName(name)) return { kind: 'iana', name };
  try {
    const offset = readUtcOffset(name, '$');
    if (offset !== undefined) return { kind: 'offset', offset };
  } catch {
    // Neither a zone nor an offset: said below.
  }
  throw new GrammarError('expected an IANA time zone (Europe/Paris) or a UTC offset (+08:00)');
}

/** A zone at the end: `Z`, `+08:00`, `+0800` or `+08`. */
const ZONED = /(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/;
const EPOCH_TEXT = /^\s*\d+(?:\.\d+)?\s*$/;

/** A local date and time (`2026-01-01 10:00:00.5`) read in the zone. */
function readZoneless(text: string, zone: MappingTimeZone, path: string): Date | undefined {
  return zone.kind === 'offset'
    ? readLocalTime(text, path, zone.offset)
    : readZonedTime(text, path, zone.name);
}

function readIso(value: unknown, zone: MappingTimeZone, path: string): Date | undefined {
  if (typeof value === 'string' && !ZONED.test(value.trim())) {
    return readZoneless(value, zone, path);
  }
  return readIsoTime(value, path);
}

function readPattern(
  value: unknown,
  pattern: LocalTimePattern,
  zone: MappingTimeZone,
  path: string,
): Date | undefined {
  if (typeof value !== 'string') {
    throw new PayloadError('expected a date and time written as text', path);
  }
  const match = pattern.expression.exec(value.trim());
  if (!match) throw new PayloadError("does not match the mapping's time pattern", path);
  const field = (token: PatternToken, fallback: string) => {
    const index = pattern.tokens.indexOf(token);
    return index === -1 ? fallback : (match[index + 1] ?? fallback);
  };
  const fraction = field('SSS', '');
  const local =
    `${field('YYYY', '')}-${field('MM', '')}-${field('DD', '')} ` +
    `${field('HH', '')}:${field('mm', '')}:${field('ss', '00')}${fraction && `.${fraction}`}`;
  return readZoneless(local, zone, path);
}

/**
 * The event time a value gives, read as the mapping says; undefined for missing, `null` and `""`
 * (the core then uses the time received). Throws a `PayloadError` for a value it cannot read.
 */
export function readMappingTime(value: unknown, time: MappingTime, path: string): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  switch (time.format) {
    case 'epoch':
      return readEpochTime(value, path);
    case 'iso8601':
      return readIso(value, time.zone, path);
    case 'pattern':
      if (time.pattern === undefined) throw new PayloadError('the mapping has no pattern', path);
      return readPattern(value, time.pattern, time.zone, path);
    case 'auto':
      return typeof value === 'number' || (typeof value === 'string' && EPOCH_TEXT.test(value))
        ? readEpochTime(value, path)
        : readIso(value, time.zone, path);
  }
}
