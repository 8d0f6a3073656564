import fc from 'fast-check';
import { expandMarkers, hostileString, hostileValue } from './hostile-values.js';
import { alertmanagerBody } from './webhook-cases.js';

/** A mapping that reads the Alertmanager-shaped bodies of the fuzz suite: what is fuzzed is the body. */
export const ALERTMANAGER_MAPPING = {
  items: '$.alerts',
  alertKey: '$.fingerprint',
  title: '{{ $.labels.alertname | $$.alertingRuleName | "alert" }}',
  description: '{{ $.annotations.summary }}',
  labelsFrom: ['$$.commonLabels', '$.labels'],
  links: { generatorUrl: '{{ $.generatorURL }}' },
  eventTime: { path: '$.startsAt', format: 'iso8601' },
  severity: { path: '$.labels.severity', values: { critical: 'Critical', P1: 'Critical' } },
  status: { path: '$.status', values: { resolved: 'resolved' } },
};

/** Keys a hostile mapping aims at besides the body's own. */
const KEYS = ['alerts', 'labels', 'fingerprint', 'constructor', '__proto__', 'toString', 'length'];

const step = fc.oneof(
  fc.constantFrom(...KEYS).map((key) => `[${JSON.stringify(key)}]`),
  fc.integer({ min: -2, max: 2 }).map((index) => `[${index}]`),
  fc.stringMatching(/^[a-z_][a-z0-9_-]{0,6}$/).map((name) => `.${name}`),
);
/** Paths the grammar accepts, aimed at the body's keys and at JavaScript's own. */
const validPath = fc
  .tuple(fc.constantFrom('$', '$$'), fc.array(step, { maxLength: 5 }))
  .map(([root, steps]) => root + steps.join(''));
/** Grammar pieces in any order: rarely a path. */
const brokenPath = fc.oneof(
  fc
    .array(fc.constantFrom('{{', '}}', '|', '$', '.', '[', ']', '"', '\\', 'a', ' '), {
      maxLength: 12,
    })
    .map((pieces) => pieces.join('')),
  hostileString,
);
/** Templates the grammar accepts: text (any, without `{`) and slots of paths and quoted text. */
const validTemplate = fc
  .array(
    fc.oneof(
      hostileString.map((text) => text.replaceAll('{', '')),
      fc
        .array(
          fc.oneof(
            validPath,
            hostileString.map((text) => JSON.stringify(text)),
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
const labelName = hostileString.filter((name) => name.trim() !== '' && name.length <= 255);

/** A mapping the checks accept, whose every path and template aims wherever it likes. */
const acceptedMapping = fc.record(
  {
    items: fc.constantFrom('$.alerts', '$$.alerts', '$', '$.alerts[0]'),
    alertKey: fc.oneof(
      fc.constantFrom('$.fingerprint', ['$.fingerprint', '$$.groupKey']),
      fc.array(validPath, { minLength: 1, maxLength: 8 }),
    ),
    title: validTemplate,
    description: validTemplate,
    labelsFrom: fc.oneof(validPath, fc.array(validPath, { minLength: 1, maxLength: 3 })),
    labels: fc.dictionary(labelName, validTemplate, { maxKeys: 5 }),
    links: fc.dictionary(fc.constantFrom('sourceUrl', 'runbookUrl'), validTemplate, { maxKeys: 2 }),
    eventTime: fc.oneof(
      fc.record({
        path: validPath,
        format: fc.constantFrom('auto', 'iso8601', 'epoch'),
        timezone: fc.constantFrom('UTC', 'Asia/Kolkata', '-03:30', 'America/St_Johns'),
      }),
      fc.record({
        path: validPath,
        format: fc.constant('pattern'),
        pattern: fc.constantFrom('YYYY-MM-DD HH:mm', 'DD/MM/YYYY HH:mm:ss.SSS'),
      }),
    ),
    severity: fc.record(
      {
        path: validPath,
        values: fc.dictionary(
          hostileString.filter((word) => word.length <= 256),
          fc.constantFrom('Critical', 'Warning', 'Info'),
          { maxKeys: 4 },
        ),
      },
      { requiredKeys: [] },
    ),
    status: fc.record(
      {
        path: validPath,
        values: fc.dictionary(
          hostileString.filter((word) => word.length <= 256),
          fc.constantFrom('firing', 'resolved'),
          { maxKeys: 4 },
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['alertKey', 'title'] },
);

const anything = fc.oneof(validTemplate, brokenPath, hostileValue);

/** A mapping wrong somewhere: a broken path or template, a value of the wrong kind. */
const brokenMapping = fc.record(
  {
    items: fc.oneof(brokenPath, hostileValue),
    alertKey: fc.oneof(brokenPath, fc.array(anything, { maxLength: 10 }), hostileValue),
    title: anything,
    labels: fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), hostileString), anything, {
      maxKeys: 5,
    }),
    links: fc.dictionary(fc.constantFrom('sourceUrl', 'bad name', ''), anything, { maxKeys: 2 }),
    eventTime: fc.oneof(
      fc.record(
        {
          path: anything,
          format: fc.oneof(fc.constantFrom('auto', 'pattern', 'unix'), hostileValue),
          pattern: fc.oneof(fc.constantFrom('YYYY-MM-DD HH:mm', 'x'), hostileString),
          timezone: fc.oneof(fc.constantFrom('UTC', 'Mars/Olympus'), hostileString),
        },
        { requiredKeys: [] },
      ),
      hostileValue,
    ),
    severity: fc.record(
      {
        path: anything,
        values: fc.dictionary(
          hostileString,
          fc.oneof(fc.constantFrom('Critical', 'Severe'), hostileValue),
          {
            maxKeys: 4,
          },
        ),
        default: hostileValue,
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/**
 * A hostile mapping as JSON text: mostly one the checks accept (so that pushes are read with it),
 * else one wrong somewhere. Markers stand for what JSON.stringify cannot write (raw literals,
 * very deep nesting).
 */
export const hostileMapping = fc
  .oneof({ weight: 3, arbitrary: acceptedMapping }, { weight: 1, arbitrary: brokenMapping })
  .map((mapping) => expandMarkers(JSON.stringify(mapping)));

/**
 * The body of a preview, as JSON text: a candidate mapping (or the saved one) and a payload (or
 * the plugin's sample).
 */
export const previewBody = fc
  .record(
    {
      mapping: fc.oneof(
        { weight: 3, arbitrary: hostileMapping },
        { weight: 1, arbitrary: fc.constant(JSON.stringify(ALERTMANAGER_MAPPING)) },
      ),
      payload: fc
        .oneof(alertmanagerBody, fc.jsonValue({ maxDepth: 4 }))
        .map((payload) => JSON.stringify(payload)),
    },
    { requiredKeys: [] },
  )
  .map(({ mapping, payload }) => {
    const fields = [mapping && `"mapping":${mapping}`, payload && `"payload":${payload}`];
    return `{${fields.filter(Boolean).join(',')}}`;
  });
