import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { applyMapping } from './apply-mapping.js';
import { compileMapping } from './compile-mapping.js';
import { GrammarError, parsePath, parseTemplate } from './mapping-grammar.js';
import { MappingError } from './mapping-error.js';

// Property tests of the mapping language (fast-check): whatever the mapping and the payload,
// compiling answers with problems instead of throwing, reading answers with events or a
// MappingError, and nothing a mapping names reaches outside the payload's own values.

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_206);
const RUNS = Math.round(300 * Number(process.env.FUZZ_SCALE ?? 1));

/** Keys a hostile mapping would aim at, and keys payloads below hold. */
const KEYS = ['a', 'b', 'id', 'tags', 'constructor', '__proto__', 'toString', 'length', 'valueOf'];

const step = fc.oneof(
  fc.constantFrom(...KEYS).map((key) => (/^[A-Za-z_]\w*$/.test(key) ? `.${key}` : `["${key}"]`)),
  fc.integer({ min: -3, max: 3 }).map((index) => `[${index}]`),
  fc.string({ maxLength: 6 }).map((key) => `[${JSON.stringify(key)}]`),
);
const validPath = fc
  .tuple(fc.constantFrom('$', '$$'), fc.array(step, { maxLength: 6 }))
  .map(([root, steps]) => root + steps.join(''));
/** Grammar pieces in any order: most are not valid, which is the point. */
const grammarSoup = fc
  .array(
    fc.constantFrom('{{', '}}', '|', '$', '$$', '.', '[', ']', '"', '\\', 'a', ' ', '-1', '😀'),
    {
      maxLength: 20,
    },
  )
  .map((pieces) => pieces.join(''));
const path = fc.oneof({ weight: 4, arbitrary: validPath }, { weight: 1, arbitrary: grammarSoup });
/** Text and slots, as the grammar has them. */
const wellFormedTemplate = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 8 }).map((text) => text.replaceAll('{', '')),
      fc
        .array(
          fc.oneof(
            validPath,
            // Any code point but those the grammar refuses in quoted text (U+0000).
            fc
              .string({ unit: 'binary', maxLength: 4 })
              .filter((text) => !text.includes('\0'))
              .map((text) => JSON.stringify(text)),
          ),
          {
            minLength: 1,
            maxLength: 3,
          },
        )
        .map((operands) => `{{ ${operands.join(' | ')} }}`),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join(''))
  .filter((text) => text !== '');
const template = fc.oneof(
  { weight: 4, arbitrary: wellFormedTemplate },
  { weight: 1, arbitrary: grammarSoup },
);
/** Words in one case: two cases of one word mapped apart is a problem the checks report. */
const word = fc.string({ maxLength: 5 }).map((text) => text.toLowerCase());
const severityWords = fc.dictionary(word, fc.constantFrom('Critical', 'Warning', 'Info'), {
  maxKeys: 4,
});
const statusWords = fc.dictionary(word, fc.constantFrom('firing', 'resolved'), { maxKeys: 4 });
const eventTime = fc.oneof(
  fc.record({
    path: validPath,
    format: fc.constantFrom('auto', 'iso8601', 'epoch'),
    timezone: fc.constantFrom('UTC', 'Europe/Paris', '+05:30'),
  }),
  fc.record({
    path: validPath,
    format: fc.constant('pattern'),
    pattern: fc.constantFrom('YYYY-MM-DD HH:mm:ss', 'DD/MM/YYYY HH:mm'),
  }),
);
/** Mappings the checks accept, aimed at the payload's own keys and at JavaScript's. */
const acceptedMapping = fc.record(
  {
    alertKey: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('$.id', '$$.id', ['$.id', '$.b']) },
      { weight: 1, arbitrary: fc.array(validPath, { minLength: 1, maxLength: 3 }) },
    ),
    title: wellFormedTemplate,
    description: wellFormedTemplate,
    labelsFrom: fc.oneof(validPath, fc.array(validPath, { minLength: 1, maxLength: 2 })),
    labels: fc.dictionary(fc.constantFrom(...KEYS, 'host'), wellFormedTemplate, { maxKeys: 4 }),
    links: fc.dictionary(fc.constantFrom('sourceUrl', 'runbookUrl'), wellFormedTemplate, {
      maxKeys: 2,
    }),
    eventTime,
    severity: fc.record({ path: validPath, values: severityWords }, { requiredKeys: [] }),
    status: fc.record({ path: validPath, values: statusWords }, { requiredKeys: [] }),
  },
  { requiredKeys: ['alertKey', 'title'] },
);
/** Anything shaped like a mapping, most of it wrong somewhere. */
const mapping = fc.record(
  {
    items: path,
    alertKey: fc.oneof(path, fc.array(path, { maxLength: 3 })),
    title: template,
    labels: fc.dictionary(fc.string({ maxLength: 6 }), template, { maxKeys: 4 }),
    links: fc.dictionary(fc.constantFrom('sourceUrl', 'bad name'), template, { maxKeys: 2 }),
    eventTime: fc.record(
      {
        path,
        format: fc.constantFrom('auto', 'pattern', 'unix'),
        pattern: fc.constantFrom('YYYY-MM-DD HH:mm:ss', 'x'),
        timezone: fc.constantFrom('UTC', 'nowhere'),
      },
      { requiredKeys: [] },
    ),
    severity: fc.record(
      { path, values: fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 8 })) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** JSON whose objects use the keys the mappings aim at, so that paths find things. */
const { payload } = fc.letrec((tie) => ({
  payload: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('2026-12-06T08:00:00Z', '1796544000', '06/12/2026 09:30', 'RESOLVED'),
    ),
    fc.array(tie('payload'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('payload'), { maxKeys: 5 }),
  ),
}));

const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean());
const tags = fc.oneof(
  fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(scalar, payload), { maxKeys: 4 }),
  fc.array(fc.tuple(fc.constantFrom(...KEYS), scalar), { maxLength: 3 }),
);
/** An item as sources send them: text and numbers under its keys, tags as an object or pairs. */
const item = fc.record(
  { id: scalar, a: scalar, b: scalar, tags, constructor: scalar, length: scalar },
  { requiredKeys: ['id'] },
);
/** Where a realistic body keeps its items, and the `items` of a mapping that reads them there. */
const SHAPES = [
  { items: undefined, body: item },
  { items: '$', body: fc.array(item, { maxLength: 4 }) },
  { items: '$.a', body: fc.record({ id: scalar, a: fc.array(item, { maxLength: 4 }) }) },
  { items: '$$.a', body: fc.record({ id: scalar, a: fc.array(item, { maxLength: 4 }) }) },
];
/** A hostile mapping and a realistic body whose items are where the mapping reads them. */
const mappedBody = fc.constantFrom(...SHAPES).chain(({ items, body }) =>
  fc.tuple(
    acceptedMapping.map((input) => (items === undefined ? input : { ...input, items })),
    // Parsed from JSON text as the core hands it over: `__proto__` is an own key.
    body.map((value) => JSON.parse(JSON.stringify(value)) as unknown),
  ),
);
/** Any JSON at all. */
const anyBody = payload.map((value) => JSON.parse(JSON.stringify(value)) as unknown);

/** Events from a body, or the MappingError refusing it: the only two outcomes allowed. */
function readOrRefuse(input: unknown, received: unknown): number | 'refused' {
  const compilation = compileMapping(input);
  if (!compilation.valid) throw new Error(compilation.problems.join('; '));
  let events;
  try {
    events = applyMapping(compilation.mapping, received, new Date(0));
  } catch (error) {
    expect(error).toBeInstanceOf(MappingError);
    return 'refused';
  }
  for (const event of events) {
    expect(event.alertKey).toMatch(/^[0-9a-f]{32}$/);
    expect(event.title.trim()).not.toBe('');
    for (const value of Object.values(event.labels)) expect(typeof value).toBe('string');
    // Nothing of JavaScript's own leaks in: no function source, no [object Object].
    expect(JSON.stringify(event)).not.toMatch(/\[native code\]|\[object Object\]/);
    // Nothing a database cannot store: U+0000, half of a surrogate pair.
    const texts = [event.title, event.description ?? '', ...Object.entries(event.labels).flat()];
    for (const text of texts) expect(text).not.toMatch(/[\0\p{Cs}]/u);
  }
  return events.length;
}

describe('the mapping language, fuzzed', () => {
  it('parses any text as a path or a template, or refuses it with a GrammarError', () => {
    fc.assert(
      fc.property(fc.oneof(grammarSoup, fc.string({ maxLength: 40 })), (text) => {
        for (const parse of [parsePath, parseTemplate]) {
          try {
            parse(text);
          } catch (error) {
            expect(error).toBeInstanceOf(GrammarError);
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('compiles any mapping, or names each of its problems by field', () => {
    fc.assert(
      fc.property(fc.oneof(mapping, fc.jsonValue({ maxDepth: 3 })), (input) => {
        const compilation = compileMapping(input);
        if (!compilation.valid) {
          expect(compilation.problems.length).toBeGreaterThan(0);
          for (const problem of compilation.problems) expect(problem).toMatch(/^mapping[.[:]/);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('reads realistic payloads with hostile mappings into events, or refuses them with a MappingError', () => {
    let read = 0;
    fc.assert(
      fc.property(mappedBody, ([input, received]) => {
        if (readOrRefuse(input, received) !== 'refused') read += 1;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Guards the generators: a property that only ever saw refusals would prove little.
    expect(read).toBeGreaterThan(RUNS / 10);
  });

  it('reads any JSON with the mappings shipped as examples, or refuses it with a MappingError', () => {
    const shipped = [
      { alertKey: '$.id', title: '{{ $.a | $.b | "?" }}', labelsFrom: '$.tags' },
      {
        items: '$.a',
        alertKey: ['$.id', '$$.id'],
        title: '{{ $.a }}',
        labels: { host: '{{ $.b }}' },
        eventTime: { path: '$.b' },
        severity: { path: '$.a', values: { '1': 'Critical' } },
        status: { path: '$.b', values: { ok: 'resolved' } },
      },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...shipped), anyBody, (input, received) => {
        readOrRefuse(input, received);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
