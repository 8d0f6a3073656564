import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import { push } from './support/admin-fixtures.js';
import { appWithIntegration } from './support/app-with-integration.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { parseSamples, sampleValue, type Sample } from './support/prometheus-text.js';
import { TEST_DATABASE } from './support/test-database.js';

describe('GET /metrics', () => {
  const suite = appWithIntegration();

  async function scrape(): Promise<{ text: string; samples: Sample[] }> {
    const response = await suite.t.http.get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return { text: response.text, samples: parseSamples(response.text) };
  }

  /** How much each sample moved between two scrapes (absent counts as 0). */
  function delta(before: Sample[], after: Sample[], name: string, labels = {}): number {
    return (sampleValue(after, name, labels) ?? 0) - (sampleValue(before, name, labels) ?? 0);
  }

  it('counts a push, its events, its duration and the alert it opened', async () => {
    const before = (await scrape()).samples;
    const plugin = { plugin: 'prometheus' };
    const body = alertmanagerPush({
      fingerprint: 'metrics-1',
      labels: { alertname: 'DiskFull', severity: 'critical' },
    });
    expect((await push(suite.t, suite.integration, body)).status).toBe(200);
    expect((await push(suite.t, suite.integration, body)).status).toBe(200);
    const after = (await scrape()).samples;

    const accepted = { ...plugin, outcome: 'accepted' };
    expect(delta(before, after, 'alert_hub_pushes_total', accepted)).toBe(2);
    expect(delta(before, after, 'alert_hub_events_total', { ...plugin, result: 'stored' })).toBe(1);
    expect(
      delta(before, after, 'alert_hub_events_total', { ...plugin, result: 'deduplicated' }),
    ).toBe(1);
    expect(delta(before, after, 'alert_hub_push_duration_seconds_count', plugin)).toBe(2);
    expect(delta(before, after, 'alert_hub_active_alerts', { severity: 'Critical' })).toBe(1);
    expect(sampleValue(after, 'alert_hub_database_up')).toBe(1);
  });

  it('counts refused pushes, under "unknown" for a path no plugin has', async () => {
    const before = (await scrape()).samples;
    const wrongKey = await suite.t.http
      .post('/webhooks/prometheus')
      .query({ integration_key: 'not-a-key' })
      .send(alertmanagerPush());
    expect(wrongKey.status).toBe(401);
    const randomPath = `no-such-plugin-${Date.now()}`;
    const unknownPlugin = await suite.t.http
      .post(`/webhooks/${randomPath}`)
      .query({ integration_key: suite.integration.integrationKey })
      .send(alertmanagerPush());
    expect(unknownPlugin.status).toBe(404);
    const { samples: after, text } = await scrape();

    const refused = { outcome: 'refused' };
    expect(
      delta(before, after, 'alert_hub_pushes_total', { plugin: 'prometheus', ...refused }),
    ).toBe(1);
    expect(delta(before, after, 'alert_hub_pushes_total', { plugin: 'unknown', ...refused })).toBe(
      1,
    );
    expect(text).not.toContain(randomPath);
    expect(text).not.toContain(suite.integration.integrationKey);
  });

  it('shows the process metrics and, on PostgreSQL, the connection pool', async () => {
    const { samples } = await scrape();
    expect(sampleValue(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    const maxConnections = sampleValue(samples, 'alert_hub_db_pool_max_connections');
    if (TEST_DATABASE === 'postgres') {
      expect(maxConnections).toBe(16);
      const inUse = sampleValue(samples, 'alert_hub_db_pool_connections', { state: 'in_use' });
      const idle = sampleValue(samples, 'alert_hub_db_pool_connections', { state: 'idle' });
      expect((inUse ?? 0) + (idle ?? 0)).toBeGreaterThan(0);
    } else {
      expect(maxConnections).toBeUndefined();
    }
  });

  it('has every metric the sample alert rules use', async () => {
    const { text } = await scrape();
    const rules = readFileSync(
      new URL('../docs/prometheus/alert-rules.yml', import.meta.url),
      'utf8',
    );
    const used = new Set(
      [...rules.matchAll(/\b(alert_hub_[a-z_]+?)(?:_bucket|_count|_sum)?\b/g)].map(([, n]) => n),
    );
    expect(used.size).toBeGreaterThan(0);
    for (const name of used) expect(text).toContain(`# TYPE ${name} `);
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  const metricsToken = 'a-metrics-token-for-prometheus';
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { METRICS_TOKEN: metricsToken } });
  });
  afterAll(() => t.close());

  it('answers only the bearer of that token', async () => {
    expect((await t.http.get('/metrics')).status).toBe(401);
    expect((await t.admin.get('/metrics')).status).toBe(401);
    const response = await t.http.get('/metrics').auth(metricsToken, { type: 'bearer' });
    expect(response.status).toBe(200);
    expect(response.text).toContain('alert_hub_pushes_total');
  });
});
