import fc from 'fast-check';
import { loadFixtureCases } from '@alert-hub/plugin-sdk/testing';
import { join } from 'node:path';
import { expandMarkers, hostileTime, hostileValue } from './hostile-values.js';
import type { WebhookCase } from './webhook-cases.js';

type Json = Record<string, unknown>;

/** The standard plugin's fixtures: an event of each dialect, batches, key-only resolutions. */
const BODIES = loadFixtureCases(
  join(import.meta.dirname, '..', '..', '..', 'plugins', 'standard', 'fixtures'),
).map((fixture) => fixture.body);

/** Fields of the three dialects, so that a mutation may add one where it does not belong. */
const FIELD_NAMES = [
  'action',
  'alertKey',
  'title',
  'severity',
  'labels',
  'details',
  'links',
  'eventTime',
  'events',
  'event_action',
  'dedup_key',
  'payload',
  'summary',
  'custom_details',
  'timestamp',
  'client_url',
  'event_status',
  'title_rule',
  'alert_key',
  'event_time',
];

function isContainer(value: unknown): value is Json | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** Every object and array of a body, the body included: where a mutation may strike. */
function containers(value: unknown): Array<Json | unknown[]> {
  if (!isContainer(value)) return [];
  return [value, ...Object.values(value).flatMap(containers)];
}

interface Mutation {
  pick: number;
  /** An existing key of the container (a number picks one), or a dialect's field name. */
  key: number | string;
  /** Undefined deletes. */
  value: unknown;
}

const mutation = fc.record({
  pick: fc.nat(),
  key: fc.oneof(fc.nat(), fc.constantFrom(...FIELD_NAMES)),
  value: fc.oneof(
    { weight: 4, arbitrary: fc.oneof(hostileValue, hostileTime) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  ),
});

function mutate(body: unknown, { pick, key, value }: Mutation): unknown {
  const targets = containers(body);
  const target = targets[pick % targets.length];
  if (target === undefined) return body;
  const keys = Object.keys(target);
  const name = typeof key === 'number' ? (keys[key % Math.max(keys.length, 1)] ?? 'extra') : key;
  if (Array.isArray(target)) {
    const index = Number(name);
    if (!Number.isInteger(index)) return body;
    if (value === undefined) target.splice(index, 1);
    else target[index] = value;
  } else if (value === undefined) {
    delete target[name];
  } else {
    Object.defineProperty(target, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return body;
}

/**
 * Near-valid pushes of the standard event API: a fixture of any dialect, then up to three
 * mutations (a hostile value or a deletion anywhere, or a field of another dialect added).
 */
export const standardEventCase: fc.Arbitrary<WebhookCase> = fc
  .record({ body: fc.constantFrom(...BODIES), mutations: fc.array(mutation, { maxLength: 3 }) })
  .map(({ body, mutations }) => {
    const mutated = mutations.reduce<unknown>(mutate, structuredClone(body));
    return {
      body: Buffer.from(mutated === undefined ? '' : expandMarkers(JSON.stringify(mutated))),
      contentType: 'application/json',
    };
  });
