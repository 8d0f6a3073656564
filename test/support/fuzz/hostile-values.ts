import fc from 'fast-check';

/** Strings that would change a query if anything pasted them into SQL or a JSON path. */
export const SQL_INJECTIONS = [
  "' OR 1=1 --",
  "' OR '1'='1",
  "'; DROP TABLE alert_events; --",
  '1; DELETE FROM alerts WHERE 1=1; --',
  '" OR ""="',
  "x' UNION SELECT integration_key FROM integrations --",
  '$."a") OR 1=1 --',
  '\\"; --',
  "%' OR '%'='",
  '{"a":"b"}\') OR TRUE --',
];

/** JSON text JSON.stringify cannot write: placed by {@link rawLiteral} markers. */
export const RAW_LITERALS = [
  '1e400',
  '-1e400',
  '1e-400',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1E+2',
  '123456789012345678901234567890',
  '1.795343989271e+09',
  '"\\u0000"',
  '"\\ud800"',
  '"\\udc00\\ud800x"',
  '"\\u0000\\u001f\\u007f"',
  '01',
  '.5',
  'undefined',
];

const RAW_MARKER = /"@@raw-(\d+)@@"/g;
const DEEP_MARKER = /"@@deep-(array|object)-(\d+)@@"/g;

/** A marker that {@link expandMarkers} turns into one of {@link RAW_LITERALS}. */
export const rawLiteral = fc.nat(RAW_LITERALS.length - 1).map((index) => `@@raw-${index}@@`);

/**
 * A marker that {@link expandMarkers} turns into nesting up to 10 000 levels deep, written as text:
 * JSON.stringify itself overflows the stack on such a value.
 */
export const deepNesting = fc
  .tuple(fc.constantFrom('array', 'object'), fc.integer({ min: 1, max: 10_000 }))
  .map(([kind, depth]) => `@@deep-${kind}-${depth}@@`);

/** JSON text with the markers of {@link rawLiteral} and {@link deepNesting} written out. */
export function expandMarkers(json: string): string {
  return json
    .replace(RAW_MARKER, (_, index: string) => RAW_LITERALS[Number(index)] ?? 'null')
    .replace(DEEP_MARKER, (_, kind: string, depth: string) => {
      const levels = Number(depth);
      return kind === 'array'
        ? `${'['.repeat(levels)}1${']'.repeat(levels)}`
        : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    });
}

/** One character: mostly ASCII, else any code point, a lone surrogate, a control or a quote. */
const hostileChar = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "'",
      '"',
      '\\',
      '%',
      '$',
      '.',
      '[',
      '*',
      '\u2028',
      '\ufeff',
      '\u200b',
    ),
  },
);

/** Up to 1 MiB of one character, in UTF-16 units. */
const longString = fc
  .tuple(fc.integer({ min: 256, max: 1 << 20 }), fc.constantFrom('x', 'é', '界', '😀'))
  .map(([units, char]) => char.repeat(Math.ceil(units / char.length)));

export const hostileString = fc.oneof(
  { weight: 12, arbitrary: fc.string({ unit: hostileChar, maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom(...SQL_INJECTIONS) },
  { weight: 1, arbitrary: longString },
);

export const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, 5e-324, 2 ** 53 + 1, 1795343989.271, 0, -1),
);

/** Times, good, odd and wrong: RFC 3339 of any year, Go's zero time, unix seconds, nonsense. */
export const hostileTime = fc.oneof(
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom(
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59-23:59',
    '2026-02-30T10:00:00Z',
    '2026-11-01T10:00:00.123456789+08:00',
    '2026-11-01 10:00:00',
    '1.795343989271e+09',
    '1795343989',
    'NaN',
    '',
    'yesterday',
  ),
);

const scalar = fc.oneof(fc.constant(null), fc.boolean(), hostileNumber, hostileString, hostileTime);

/** Anything a field could hold instead of what it should: the wrong type, too deep, not JSON. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, scalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: rawLiteral },
  { weight: 1, arbitrary: deepNesting },
);

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as in any UTF-8 encoder. */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`)
    .join('');
}

/** A URL component: text percent-encoded, or a malformed or surprising encoding as is. */
export const urlComponent = fc.oneof(
  { weight: 6, arbitrary: hostileString.filter((text) => text.length < 4096).map(percentEncode) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%',
      '%zz',
      '%ED%A0%80',
      '%00',
      '%C0%AF',
      '%FF',
      '+',
      '',
      '..',
      '%2F',
    ),
  },
);
