import fc from 'fast-check';
import { ZERO_TIME } from '../alertmanager-payload.js';
import { expandMarkers, hostileString, hostileTime, hostileValue } from './hostile-values.js';

/** One push of the fuzz suite: bytes as sent, with the content type they are sent as. */
export interface WebhookCase {
  body: Buffer;
  contentType: string;
}

type Json = Record<string, unknown>;

const labelName = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,15}$/) },
  { weight: 1, arbitrary: hostileString },
);
const text = fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 20 }) }, hostileString);
const labels = fc.dictionary(labelName, text, { maxKeys: 6 });
const validTime = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString());

/** A well-formed Alertmanager alert: repeats of a few fingerprints exercise deduplication too. */
const alert = fc.record(
  {
    status: fc.constantFrom('firing', 'resolved', 'FIRING', 'Resolved'),
    labels: fc
      .tuple(
        fc.string({ maxLength: 12 }),
        fc.constantFrom('critical', 'warning', 'P1', 'ok'),
        labels,
      )
      .map(([alertname, severity, rest]) => ({ alertname, severity, ...rest })),
    annotations: fc.dictionary(labelName, text, { maxKeys: 4 }),
    startsAt: validTime,
    endsAt: fc.oneof(fc.constant(ZERO_TIME), validTime),
    generatorURL: fc.webUrl(),
    fingerprint: fc.oneof(fc.constantFrom('f1', 'f2', 'f3'), fc.stringMatching(/^[0-9a-f]{16}$/)),
  },
  { requiredKeys: ['status', 'labels'] },
);

export const alertmanagerBody = fc.record(
  {
    version: fc.constant('4'),
    groupKey: fc.string({ maxLength: 20 }),
    truncatedAlerts: fc.nat(3),
    status: fc.constantFrom('firing', 'resolved'),
    receiver: fc.constant('alert-hub'),
    groupLabels: labels,
    commonLabels: labels,
    commonAnnotations: fc.constant({}),
    externalURL: fc.webUrl(),
    alertingRuleName: fc.string({ maxLength: 20 }),
    alerts: fc.array(alert, { maxLength: 4 }),
  },
  { requiredKeys: ['alerts'] },
);

/** Where a mutation strikes; `*` picks an alert, or a label or annotation name. */
const FIELDS = [
  '',
  'alerts',
  'version',
  'status',
  'externalURL',
  'alertingRuleName',
  'groupLabels',
  'alerts.*',
  'alerts.*.status',
  'alerts.*.labels',
  'alerts.*.labels.alertname',
  'alerts.*.labels.severity',
  'alerts.*.labels.*',
  'alerts.*.annotations',
  'alerts.*.annotations.summary',
  'alerts.*.annotations.timestamp',
  'alerts.*.annotations.*',
  'alerts.*.startsAt',
  'alerts.*.endsAt',
  'alerts.*.generatorURL',
  'alerts.*.fingerprint',
  'alerts.*.alertURL',
];

type Mutation =
  | { kind: 'set'; field: string; pick: number; value: unknown }
  | { kind: 'delete'; field: string; pick: number }
  | { kind: 'manyLabels'; pick: number; count: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      field: fc.constantFrom(...FIELDS),
      pick: fc.nat(),
      value: fc.oneof(hostileValue, hostileTime),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      field: fc.constantFrom(...FIELDS),
      pick: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('manyLabels' as const),
      pick: fc.nat(),
      count: fc.integer({ min: 200, max: 10_000 }),
    }),
  },
);

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The container and key a field names in `body`, or undefined when the body has no such place. */
function locate(body: unknown, field: string, pick: number): [Json | unknown[], string | number] {
  const parts = field.split('.');
  let container: unknown = { '': body };
  let key: string | number = '';
  for (const part of parts) {
    const value: unknown = Array.isArray(container)
      ? container[key as number]
      : (container as Json)[key];
    if (Array.isArray(value)) {
      if (value.length === 0 && part === '*') throw new RangeError('no alert to pick');
      container = value;
      key = part === '*' ? pick % value.length : part;
    } else if (isObject(value)) {
      const names = Object.keys(value);
      container = value;
      key = part === '*' ? (names[pick % Math.max(names.length, 1)] ?? 'extra') : part;
    } else {
      throw new RangeError(`${field} is not in this body`);
    }
  }
  return [container as Json | unknown[], key];
}

function mutate(body: unknown, change: Mutation): unknown {
  if (change.kind !== 'manyLabels' && change.field === '') {
    return change.kind === 'set' ? change.value : undefined;
  }
  try {
    if (change.kind === 'manyLabels') {
      const [alerts, index] = locate(body, 'alerts.*', change.pick);
      const target = (alerts as unknown[])[index as number];
      if (isObject(target)) {
        target.labels = Object.fromEntries(
          Array.from({ length: change.count }, (_, n) => [`label_${n}`, `value ${n}`]),
        );
      }
      return body;
    }
    const [container, key] = locate(body, change.field, change.pick);
    if (change.kind === 'delete') {
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key as string];
    } else if (Array.isArray(container)) {
      container[key as number] = change.value;
    } else {
      Object.defineProperty(container, key, {
        value: change.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return body;
}

/** Edits of the JSON text itself: what a broken sender or a broken network could deliver. */
type TextEdit =
  | { kind: 'none' }
  | { kind: 'duplicateKey'; key: string; value: string; pick: number }
  | { kind: 'truncate'; pick: number }
  | { kind: 'insertBytes'; pick: number; bytes: Uint8Array };

const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('duplicateKey' as const),
      key: fc.constantFrom('alerts', 'status', 'labels', 'fingerprint', 'startsAt', 'alertname'),
      value: fc.constantFrom('[]', '"firing"', '{}', 'null', '1e400', '"dup"'),
      pick: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('insertBytes' as const),
      pick: fc.nat(),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 6, min: 0x80 }),
    }),
  },
);

function editText(json: string, edit: TextEdit): Buffer {
  switch (edit.kind) {
    case 'none':
      return Buffer.from(json);
    case 'duplicateKey': {
      const braces = [...json.matchAll(/\{/g)].map((match) => match.index);
      if (braces.length === 0) return Buffer.from(json);
      const at = braces[edit.pick % braces.length] + 1;
      return Buffer.from(`${json.slice(0, at)}"${edit.key}":${edit.value},${json.slice(at)}`);
    }
    case 'truncate':
      return Buffer.from(json.slice(0, edit.pick % Math.max(json.length, 1)));
    case 'insertBytes': {
      const bytes = Buffer.from(json);
      const at = edit.pick % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), edit.bytes, bytes.subarray(at)]);
    }
  }
}

/** Mostly JSON, as Alertmanager sends; sometimes what a misconfigured sender would. */
export const contentType = fc.oneof(
  { weight: 10, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'APPLICATION/JSON',
      'application/vnd.api+json',
      'text/plain',
      'text/plain; charset=utf-8',
      'application/x-www-form-urlencoded',
      'application/xml',
      'application/octet-stream',
      'multipart/form-data; boundary=x',
      'application/jsonx',
      'json',
    ),
  },
);

/**
 * Near-valid Alertmanager pushes: a well-formed body, then up to three mutations (a wrong type
 * anywhere, a missing field, deep nesting, huge numbers, hostile text, thousands of labels), then
 * perhaps an edit of the text (duplicate keys, cut short, invalid UTF-8 bytes).
 */
export const alertmanagerCase: fc.Arbitrary<WebhookCase> = fc
  .record({
    body: alertmanagerBody,
    mutations: fc.array(mutation, { maxLength: 3 }),
    edit: textEdit,
    contentType,
  })
  .map(({ body, mutations, edit, contentType }) => {
    const mutated = mutations.reduce<unknown>(mutate, structuredClone(body));
    const json = mutated === undefined ? '' : expandMarkers(JSON.stringify(mutated));
    return { body: editText(json, edit), contentType };
  });

/** Any JSON document at all. */
export const randomJsonCase: fc.Arbitrary<WebhookCase> = fc
  .record({ value: fc.jsonValue({ maxDepth: 5 }), contentType })
  .map(({ value, contentType }) => ({
    body: Buffer.from(JSON.stringify(value) ?? ''),
    contentType,
  }));

/** Any bytes at all, as any content type. */
export const randomBytesCase: fc.Arbitrary<WebhookCase> = fc
  .record({ bytes: fc.uint8Array({ maxLength: 2048 }), contentType })
  .map(({ bytes, contentType }) => ({ body: Buffer.from(bytes), contentType }));
