import { describe, expect, it } from '@jest/globals';
import { catchPayloadError, fixtureParseContext } from '@alert-hub/plugin-sdk/testing';
import { parsePrometheusWebhook } from './prometheus.parser.js';

function parse(body: unknown) {
  return parsePrometheusWebhook(body, fixtureParseContext());
}

function alert(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    status: 'firing',
    labels: { alertname: 'DiskFull', instance: 'db-1' },
    annotations: {},
    startsAt: '2026-11-22T10:34:05Z',
    endsAt: '0001-01-01T00:00:00Z',
    ...overrides,
  };
}

describe('parsePrometheusWebhook', () => {
  it('rejects a body that is not an object at $', () => {
    for (const body of ['alerts', null, [alert()], 42]) {
      expect(catchPayloadError(() => parse(body)).path).toBe('$');
    }
  });

  it('rejects a body without an alerts array at $.alerts', () => {
    const missing = catchPayloadError(() => parse({ status: 'firing' }));
    expect(missing.path).toBe('$.alerts');
    expect(missing.message).toBe('$.alerts: is required (an array)');
    expect(catchPayloadError(() => parse({ alerts: { 0: alert() } })).path).toBe('$.alerts');
  });

  it('accepts an empty alerts array as a push with no events', () => {
    expect(parse({ status: 'resolved', alerts: [] })).toEqual([]);
  });

  it('rejects an alert status other than firing or resolved where it is', () => {
    const error = catchPayloadError(() =>
      parse({ alerts: [alert(), alert({ status: 'pending' })] }),
    );
    expect(error.path).toBe('$.alerts[1].status');
    expect(error.message).toBe(
      '$.alerts[1].status: expected "firing" or "resolved", got "pending"',
    );
  });

  it('rejects a label value that is an object', () => {
    const error = catchPayloadError(() =>
      parse({ alerts: [alert({ labels: { alertname: 'DiskFull', team: { name: 'db' } } })] }),
    );
    expect(error.path).toBe('$.alerts[0].labels.team');
  });

  it('rejects a start time that is not an RFC 3339 time', () => {
    const error = catchPayloadError(() => parse({ alerts: [alert({ startsAt: 'yesterday' })] }));
    expect(error.path).toBe('$.alerts[0].startsAt');
  });

  it('gives the same key to the same labels in any order when there is no fingerprint', () => {
    const [first] = parse({ alerts: [alert({ labels: { a: '1', b: '2' } })] });
    const [second] = parse({ alerts: [alert({ labels: { b: '2', a: '1' } })] });
    expect(first?.alertKey).toBe(second?.alertKey);
    expect(first?.alertKey).toMatch(/^[0-9a-f]{32}$/);
  });

  it('falls back to the alert name when there is no summary', () => {
    const [event] = parse({ alerts: [alert({ annotations: { summary: '  ' } })] });
    expect(event?.title).toBe('DiskFull');
  });
});
