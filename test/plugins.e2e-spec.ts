import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import { PrometheusPluginModule, PrometheusPlugin } from '@alert-hub/plugin-prometheus';
import { IntegrationPluginProvider } from '@alert-hub/plugin-sdk';
import { loadFixtureCases } from '@alert-hub/plugin-sdk/testing';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import { createChannel, createPrivateIntegration, push } from './support/admin-fixtures.js';
import { ServerProcess } from './support/server-process.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { ENABLED_PLUGIN_IDS } from './support/enabled-plugins.js';
import { createTestDatabase } from './support/test-database.js';

describe('plugins API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists the enabled plugins with their severity maps', async () => {
    const response = await t.admin.get('/api/v1/plugins');
    expect(response.status).toBe(200);
    const ids = response.body.data.map((plugin: { id: string }) => plugin.id);
    expect(ids).toEqual([...ENABLED_PLUGIN_IDS].sort());
    const prometheus = response.body.data.find(
      (plugin: { id: string }) => plugin.id === 'prometheus',
    );
    expect(prometheus.severityMap).toMatchObject({
      fields: ['labels.severity', 'labels.priority', 'labels.level'],
      default: 'Warning',
    });
    expect(prometheus.severityMap.values.ok).toBe('Ok');
  });

  it('serves a plugin setup guide with the severity table and samples', async () => {
    const response = await t.admin.get('/api/v1/plugins/aliyun-prometheus');
    expect(response.status).toBe(200);
    const { docs } = response.body.data;
    expect(docs.setup).toContain(
      'http://alert-hub.test/webhooks/aliyun-prometheus?integration_key=',
    );
    expect(docs.setup).toContain('`紧急`');
    expect(docs.setup).toContain('integration_key=<integration key>');
    expect(Object.keys(docs.samples).length).toBeGreaterThan(0);
  });

  it('says what each plugin reads and which hosts Alert Hub contacts for it', async () => {
    const prometheus = (await t.admin.get('/api/v1/plugins/prometheus')).body.data;
    expect(prometheus).toMatchObject({ contentTypes: ['application/json'], outboundHosts: [] });
    const cloudwatch = (await t.admin.get('/api/v1/plugins/aws-cloudwatch')).body.data;
    expect(cloudwatch.contentTypes).toContain('text/plain');
    expect(cloudwatch.outboundHosts).toEqual(['sns.*.amazonaws.com', 'sns.*.amazonaws.com.cn']);
  });

  it('answers 404 for a plugin that is not enabled', async () => {
    const response = await t.admin.get('/api/v1/plugins/no-such-source');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NotFound');
  });
});

/** What `npm start` runs: the build in dist/, which must carry the fixture files it imports. */
describe('the built server', () => {
  it('serves as samples the fixture files themselves', async () => {
    const database = await createTestDatabase();
    const server = await ServerProcess.start({ database, adminToken: 'built-server-admin-token' });
    try {
      for (const pluginId of ENABLED_PLUGIN_IDS) {
        const response = await server.admin.get(`/api/v1/plugins/${pluginId}`);
        const fixtures = loadFixtureCases(
          join(import.meta.dirname, '..', 'plugins', pluginId, 'fixtures'),
        );
        const samples: unknown[] = Object.values(response.body.data.docs.samples);
        expect(samples.length).toBeGreaterThan(0);
        for (const sample of samples) {
          expect(fixtures.some((fixture) => isDeepStrictEqual(fixture.body, sample))).toBe(true);
        }
      }
    } finally {
      await server.stop();
      await database.drop();
    }
    // Starting a server process takes seconds on a busy machine.
  }, 90_000);
});

describe('a plugin removed from the app', () => {
  it('answers 404 on its webhook and its integrations say it is unavailable', async () => {
    const database = await createTestDatabase();
    const everything = await startTestApp({ database });
    const channelId = await createChannel(everything);
    const aliyun = await createPrivateIntegration(everything, channelId, 'aliyun-prometheus');
    await everything.close();

    const prometheusOnly = await startTestApp({ database, plugins: [PrometheusPluginModule] });
    try {
      const pushed = await push(prometheusOnly, aliyun, alertmanagerPush({}));
      expect(pushed.status).toBe(404);
      expect(pushed.body.error.code).toBe('RouteNotFound');

      const shown = await prometheusOnly.admin.get(`/api/v1/integrations/${aliyun.id}`);
      expect(shown.body.data).toMatchObject({
        pluginId: 'aliyun-prometheus',
        pluginAvailable: false,
      });
      const docs = await prometheusOnly.admin.get(`/api/v1/integrations/${aliyun.id}/docs`);
      expect(docs.status).toBe(404);
      expect(docs.body.error.code).toBe('PluginUnavailable');
      const test = await prometheusOnly.admin.post(`/api/v1/integrations/${aliyun.id}/test`);
      expect(test.body.error.code).toBe('PluginUnavailable');
    } finally {
      await prometheusOnly.close();
      await database.drop();
    }
  });
});

describe('plugin registration', () => {
  it('refuses to start with two plugins of one id', async () => {
    @IntegrationPluginProvider()
    class Impostor extends PrometheusPlugin {}
    @Module({ providers: [Impostor] })
    class ImpostorModule {}

    await expect(
      startTestApp({ plugins: [PrometheusPluginModule, ImpostorModule] }),
    ).rejects.toThrow(/already has the id "prometheus"/);
  });
});
