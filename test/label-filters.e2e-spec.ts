import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import { createChannel, createPrivateIntegration, push } from './support/admin-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('label filters on events and alerts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const integration = await createPrivateIntegration(t, await createChannel(t));
    const labelled = (fingerprint: string, labels: Record<string, string>) =>
      push(
        t,
        integration,
        alertmanagerPush({ fingerprint, labels: { alertname: 'X', ...labels } }),
      );
    await labelled('plain', { service: 'checkout' });
    await labelled('quoted', { service: 'say "hi" — ünïcode' });
    // The wanted text inside another label's value must not match.
    await labelled('inside', { note: '"service":"checkout"', service: 'billing' });
    await labelled('prototype-named', { constructor: 'x', toString: 'x' });
  });
  afterAll(() => t.close());

  async function keysOf(path: string, labels: Record<string, string>): Promise<string[]> {
    const query = Object.fromEntries(Object.entries(labels).map(([k, v]) => [`label.${k}`, v]));
    const response = await t.admin.get(path).query(query);
    expect(response.status).toBe(200);
    return (response.body.data as Array<{ alertKey: string }>).map((row) => row.alertKey).sort();
  }

  it('finds exactly the events whose label has the value', async () => {
    expect(await keysOf('/api/v1/events', { service: 'checkout' })).toEqual(['plain']);
    expect(await keysOf('/api/v1/events', { service: 'say "hi" — ünïcode' })).toEqual(['quoted']);
    expect(await keysOf('/api/v1/events', { service: 'billing', alertname: 'X' })).toEqual([
      'inside',
    ]);
    expect(await keysOf('/api/v1/events', { service: 'nothing' })).toEqual([]);
  });

  it('filters by names an object prototype has like by any other name', async () => {
    for (const path of ['/api/v1/events', '/api/v1/alerts']) {
      expect(await keysOf(path, { constructor: 'x' })).toEqual(['prototype-named']);
      expect(await keysOf(path, { toString: 'x' })).toEqual(['prototype-named']);
      expect(await keysOf(path, { hasOwnProperty: 'x' })).toEqual([]);
      // A push may not carry a label named `__proto__`: no row has it.
      expect(await keysOf(path, { ['__proto__']: 'x' })).toEqual([]);
      expect(await keysOf(path, { constructor: 'y' })).toEqual([]);
    }
  });

  it('filters alerts the same way', async () => {
    expect(await keysOf('/api/v1/alerts', { service: 'checkout' })).toEqual(['plain']);
  });
});
