import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  catchPayloadError,
  fixtureParseContext,
  loadFixtureCases,
} from '@alert-hub/plugin-sdk/testing';
import { parseNightingaleWebhook } from './nightingale.parser.js';

const fixtures = new Map(
  loadFixtureCases(join(import.meta.dirname, '../fixtures')).map(({ name, body }) => [name, body]),
);

function parse(body: unknown) {
  return parseNightingaleWebhook(body, fixtureParseContext());
}

describe('parseNightingaleWebhook', () => {
  it('gives a problem and its recovery one key, sent alone or in an array', () => {
    const keys = [
      'constructed-event-firing',
      'constructed-event-recovered',
      'constructed-v8-callback-array',
    ].map((name) => parse(fixtures.get(name)).map((event) => event.alertKey));
    expect(keys).toEqual([
      ['3b8d3c2a4f0e9a1c6b5d7e8f90a1b2c3'],
      ['3b8d3c2a4f0e9a1c6b5d7e8f90a1b2c3'],
      ['3b8d3c2a4f0e9a1c6b5d7e8f90a1b2c3'],
    ]);
  });

  it('rejects a body that is no event object or array of them at $', () => {
    expect(catchPayloadError(() => parse('event')).path).toBe('$');
    expect(catchPayloadError(() => parse([{ hash: 'a' }, null])).path).toBe('$[1]');
  });

  it('requires the hash of each event, naming the event', () => {
    expect(catchPayloadError(() => parse([{ hash: 'a' }, { hash: ' ' }])).path).toBe('$[1].hash');
    expect(catchPayloadError(() => parse({ rule_name: 'x' })).message).toBe(
      '$.hash: is required (the alert series hash Nightingale keys events by)',
    );
  });

  it('rejects a recovery flag or a severity it cannot read, at its path', () => {
    expect(catchPayloadError(() => parse({ hash: 'a', is_recovered: 'yes' })).path).toBe(
      '$.is_recovered',
    );
    expect(catchPayloadError(() => parse({ hash: 'a', is_recovered: 2 })).message).toBe(
      '$.is_recovered: expected true, false, 0 or 1, got 2',
    );
    expect(catchPayloadError(() => parse({ hash: 'a', severity: 'high' })).path).toBe('$.severity');
  });

  it('reads an empty array as no events', () => {
    expect(parse([])).toEqual([]);
  });
});
