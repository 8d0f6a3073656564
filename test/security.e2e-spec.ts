import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { PushMonitor } from '../libs/core/src/ingest/push-monitor.js';
import type { PushRecord } from '../libs/core/src/ingest/push-record.js';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import {
  createChannel,
  createPrivateIntegration,
  push,
  type CreatedIntegration,
} from './support/admin-fixtures.js';
import { SQL_INJECTIONS } from './support/fuzz/hostile-values.js';
import { recordRoutes, type RegisteredRoute } from './support/registered-routes.js';
import { rowCounts } from './support/row-counts.js';
import { createTestDatabase } from './support/test-database.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Paths open without the admin token. Anything else the app registers must refuse a request
 * without it: a new route is checked by the enumeration below without anyone listing it.
 */
const PUBLIC_PATH_PREFIXES = ['/webhooks/', '/healthz', '/readyz', '/metrics', '/docs', '/console'];

/** Open routes whose path alone does not say so: `/` (to the console), signing in and out. */
const PUBLIC_ROUTES = ['GET /', 'HEAD /', 'POST /api/v1/session', 'DELETE /api/v1/session'];

const SOME_UUID = '00000000-0000-4000-8000-000000000000';

function isPublic(route: RegisteredRoute): boolean {
  return (
    PUBLIC_ROUTES.includes(`${route.method} ${route.url}`) ||
    PUBLIC_PATH_PREFIXES.some((prefix) => route.url.startsWith(prefix))
  );
}

/** A concrete URL for a route: every `:param` gets a UUID, a wildcard a plain segment. */
function concreteUrl(route: RegisteredRoute): string {
  return route.url.replace(/:[A-Za-z0-9_]+/g, SOME_UUID).replace(/\*/g, 'x');
}

function expectUnauthorized(response: Response, method: string) {
  expect(response.status).toBe(401);
  if (method === 'HEAD') return;
  expect(response.body).toEqual({
    request_id: response.headers['x-request-id'],
    error: { code: 'Unauthorized', message: expect.any(String) },
  });
}

describe('security', () => {
  let t: TestApp;
  let channelId: string;
  let integration: CreatedIntegration;
  const routes: RegisteredRoute[] = [];

  beforeAll(async () => {
    t = await startTestApp({ beforeInit: recordRoutes(routes) });
    channelId = await createChannel(t);
    integration = await createPrivateIntegration(t, channelId);
  });
  afterAll(() => t.close());

  describe('the admin token', () => {
    function send(route: RegisteredRoute, authorization?: string) {
      const request = t.http[route.method.toLowerCase() as 'get'](concreteUrl(route));
      return authorization === undefined ? request : request.set('Authorization', authorization);
    }

    it('enumerates the routes the app registered', () => {
      const urls = routes.map((route) => `${route.method} ${route.url}`);
      expect(urls).toEqual(
        expect.arrayContaining([
          'GET /api/v1/integrations/:id',
          'POST /api/v1/integrations/:id/rotate-key',
          'GET /api/v1/events',
          'POST /webhooks/:pluginId',
        ]),
      );
    });

    it('is required by every route that is not public', async () => {
      const adminRoutes = routes.filter((route) => !isPublic(route));
      expect(adminRoutes.length).toBeGreaterThan(15);
      for (const route of adminRoutes) {
        const attempts = [
          undefined,
          'Bearer wrong-token-of-a-decent-length',
          `Bearer ${t.config.core.adminToken}x`,
          `Basic ${Buffer.from(`admin:${t.config.core.adminToken}`).toString('base64')}`,
          `Bearer ${integration.integrationKey}`,
          t.config.core.adminToken,
        ];
        for (const authorization of attempts) {
          const response = await send(route, authorization);
          try {
            expectUnauthorized(response, route.method);
          } catch (error) {
            throw new Error(`${route.method} ${route.url} with ${String(authorization)}`, {
              cause: error,
            });
          }
        }
        const admitted = await send(route, `Bearer ${t.config.core.adminToken}`);
        expect([route.url, admitted.status]).not.toEqual([route.url, 401]);
      }
    });

    it('is not what a webhook checks: a push needs an integration key', async () => {
      const webhooks = routes.filter((route) => route.url.startsWith('/webhooks/'));
      expect(webhooks.length).toBeGreaterThan(0);
      for (const route of webhooks.filter((r) => r.method === 'POST')) {
        const url = route.url.replace(':pluginId', 'prometheus');
        const body = alertmanagerPush({ fingerprint: 'admin-token-push' });
        expectUnauthorized(await t.http.post(url).send(body), 'POST');
        expectUnauthorized(
          await t.http
            .post(url)
            .set('Authorization', `Bearer ${t.config.core.adminToken}`)
            .send(body),
          'POST',
        );
      }
    });
  });

  describe('integration keys', () => {
    it('are shown to the admin only', async () => {
      for (const url of ['/api/v1/integrations', `/api/v1/integrations/${integration.id}`]) {
        const refused = await t.http.get(url);
        expect(refused.status).toBe(401);
        expect(JSON.stringify(refused.body)).not.toContain(integration.integrationKey);
        expect(JSON.stringify((await t.admin.get(url)).body)).toContain(integration.integrationKey);
      }
    });

    it('never appear in error messages or in what the push monitor announces', async () => {
      const records: PushRecord[] = [];
      const subscription = t.app.get(PushMonitor).pushes.subscribe((r) => records.push(r));
      const other = await createPrivateIntegration(t, channelId, 'aliyun-prometheus');
      const disabled = await createPrivateIntegration(t, channelId);
      await t.admin.patch(`/api/v1/integrations/${disabled.id}`).send({ enabled: false });
      const refusals = [
        await push(t, { ...integration, pluginId: 'aliyun-prometheus' }, alertmanagerPush({})),
        await push(t, other, { alerts: 'no' }),
        await push(t, disabled, alertmanagerPush({})),
        await push(t, { ...integration, integrationKey: `${integration.integrationKey}x` }, {}),
        await t.http
          .post(
            `/webhooks/prometheus?integration_key=${integration.integrationKey}&integration_key=${other.integrationKey}`,
          )
          .send(alertmanagerPush({})),
      ];
      subscription.unsubscribe();
      expect(refusals.map((response) => response.status)).toEqual([409, 400, 403, 401, 400]);
      const said = JSON.stringify([refusals.map((response) => response.body), records]);
      for (const key of [
        integration.integrationKey,
        other.integrationKey,
        disabled.integrationKey,
      ]) {
        expect(said).not.toContain(key);
      }
      expect(records.length).toBeGreaterThanOrEqual(4);
    });
  });

  describe('a path no route has', () => {
    it('answers 404 without echoing the query string, where a key may be', async () => {
      const key = integration.integrationKey;
      const nearMiss = await t.http
        .post(`/webhooks/prometheus/?integration_key=${key}`)
        .send(alertmanagerPush({}));
      const unknown = await t.http.get(`/api/v2/events?token=${key}&x=1`);
      for (const response of [nearMiss, unknown]) {
        expect(response.status).toBe(404);
        expect(response.body.error.code).toBe('RouteNotFound');
        expect(JSON.stringify(response.body)).not.toMatch(/integration_key|token|\?/);
      }
      expect(nearMiss.body.error.message).toBe('Cannot POST /webhooks/prometheus/');
    });
  });

  describe('a disabled integration', () => {
    it('refuses pushes and test pushes, stores nothing, and accepts again once enabled', async () => {
      const disabled = await createPrivateIntegration(t, channelId, 'volcengine-prometheus');
      await t.admin.patch(`/api/v1/integrations/${disabled.id}`).send({ enabled: false });
      const body = alertmanagerPush({ fingerprint: 'disabled-push' });

      const refused = await push(t, disabled, body);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('IntegrationDisabled');
      const testPush = await t.admin.post(`/api/v1/integrations/${disabled.id}/test`);
      expect(testPush.status).toBe(403);
      expect(await rowCounts(t, disabled.id)).toEqual({ events: 0, alerts: 0 });

      await t.admin.patch(`/api/v1/integrations/${disabled.id}`).send({ enabled: true });
      expect((await push(t, disabled, body)).status).toBe(200);
    });
  });

  describe('SQL injection', () => {
    const FILTERS = ['alertKey', 'integrationId', 'channelId', 'status', 'severity', 'since'];
    const MORE_FILTERS = ['until', 'limit', 'cursor', 'unrouted', 'label.team', "label.x'--"];

    beforeAll(async () => {
      const labels = { alertname: "Robert'); DROP TABLE alerts;--", team: "' OR 1=1 --" };
      const stored = await push(
        t,
        integration,
        alertmanagerPush({ fingerprint: "key' OR '1'='1", labels }),
      );
      expect(stored.status).toBe(200);
    });

    it('is inert in every filter of the event and alert lists', async () => {
      const before = await rowCounts(t, integration.id);
      for (const path of ['/api/v1/events', '/api/v1/alerts']) {
        for (const filter of [...FILTERS, ...MORE_FILTERS]) {
          for (const injection of SQL_INJECTIONS) {
            const response = await t.admin.get(path).query({ [filter]: injection });
            const outcome = `${path}?${filter}=${injection} → ${response.status}`;
            // Only rows holding the injected text itself may come back: never "everything".
            const inert =
              response.status === 200
                ? response.body.data.every(
                    (row: { alertKey: string; labels: Record<string, string> }) =>
                      row.alertKey === injection || row.labels.team === injection,
                  )
                : response.status === 400 && response.body.error.code === 'InvalidParameter';
            expect({ outcome, inert }).toEqual({ outcome, inert: true });
          }
        }
      }
      expect(await rowCounts(t, integration.id)).toEqual(before);
    });

    it('cannot pass for a time: time filters read ISO 8601 and nothing else', async () => {
      const alertKey = "key' OR '1'='1";
      const recent = new Date(Date.now() - 3_600_000).toISOString();
      const since = await t.admin.get('/api/v1/events').query({ alertKey, since: recent });
      expect(since.body.data).toHaveLength(1);
      const until = await t.admin.get('/api/v1/alerts').query({ alertKey, until: '2000-01-01' });
      expect(until.body.data).toEqual([]);
      for (const time of [
        "' OR '1'='1",
        '1',
        '2026-11-01T10:00:00',
        '+275760-09-13T00:00:00Z',
        '9999-12-31T23:59:59-23:59',
      ]) {
        const response = await t.admin.get('/api/v1/events').query({ since: time });
        expect([time, response.status]).toEqual([time, 400]);
      }
    });

    it('is stored as text and found as text', async () => {
      for (const query of [{ alertKey: "key' OR '1'='1" }, { 'label.team': "' OR 1=1 --" }]) {
        for (const path of ['/api/v1/events', '/api/v1/alerts']) {
          const response = await t.admin.get(path).query(query);
          expect(response.status).toBe(200);
          expect(response.body.data).toHaveLength(1);
          expect(response.body.data[0].labels.alertname).toBe("Robert'); DROP TABLE alerts;--");
        }
      }
      const named = await t.admin.get('/api/v1/events').query({ "label.' OR 1=1 --": 'x' });
      expect(named.status).toBe(200);
      expect(named.body.data).toEqual([]);
      const quoted = await t.admin.get('/api/v1/events').query({ 'label." OR 1=1 --': 'x' });
      expect(quoted.status).toBe(400);
    });
  });

  describe('CORS', () => {
    it('is off: no Access-Control-Allow-Origin on preflights or answers', async () => {
      const origin = 'https://evil.example';
      const preflights = await Promise.all(
        ['/api/v1/events', '/webhooks/prometheus'].map((url) =>
          t.http
            .options(url)
            .set('Origin', origin)
            .set('Access-Control-Request-Method', 'POST')
            .set('Access-Control-Request-Headers', 'authorization,content-type'),
        ),
      );
      const answers = [
        await t.admin.get('/api/v1/events').set('Origin', origin),
        await push(t, integration, alertmanagerPush({})).set('Origin', origin),
        await t.http.get('/api/v1/events').set('Origin', origin),
      ];
      expect(answers.map((response) => response.status)).toEqual([200, 200, 401]);
      for (const response of [...preflights, ...answers]) {
        expect(response.status).not.toBe(204);
        expect(response.headers).not.toHaveProperty('access-control-allow-origin');
        expect(response.headers).not.toHaveProperty('access-control-allow-credentials');
      }
    });
  });

  describe('security headers', () => {
    /** The directives of a Content-Security-Policy header, each with its sources. */
    function directivesOf(response: Response): Record<string, string[]> {
      const policy = String(response.headers['content-security-policy'] ?? '');
      return Object.fromEntries(
        policy
          .split(';')
          .map((directive) => directive.trim().split(/\s+/))
          .filter(([name]) => name !== '')
          .map(([name, ...sources]) => [name, sources]),
      );
    }

    it('are on every answer: admin API, webhooks, probes, errors', async () => {
      const answers = [
        await t.admin.get('/api/v1/channels'),
        await t.http.get('/api/v1/channels'),
        await push(t, integration, alertmanagerPush({ fingerprint: 'headers' })),
        await t.http.get('/readyz'),
        await t.http.get('/metrics'),
        await t.http.get('/docs-json'),
        await t.http.get('/no-such-path'),
      ];
      expect(answers.map((response) => response.status)).toEqual([
        200, 401, 200, 200, 200, 200, 404,
      ]);
      for (const response of answers) {
        expect(response.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'DENY',
        });
        expect(directivesOf(response)).toMatchObject({
          'default-src': ["'none'"],
          'frame-ancestors': ["'none'"],
        });
      }
    });

    it('let the API docs load their own scripts and styles, and nothing else', async () => {
      const page = await t.http.get('/docs');
      expect(page.status).toBe(200);
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      const directives = directivesOf(page);
      expect(directives).toMatchObject({
        'default-src': ["'none'"],
        'script-src': ["'self'"],
        'frame-ancestors': ["'none'"],
      });
      // Every script is a file of its own: 'self' without 'unsafe-inline' runs them all.
      expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      // The page has <style> blocks, and Swagger UI sets style attributes.
      if (page.text.includes('<style')) {
        expect(directives['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
      }
      const assets = [...page.text.matchAll(/(?:src|href)="\.\/(docs\/[^"]+)"/g)].map(
        ([, path]) => `/${path}`,
      );
      expect(assets).toEqual(
        expect.arrayContaining(['/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css']),
      );
      for (const asset of assets) {
        const response = await t.http.get(asset);
        expect([asset, response.status]).toEqual([asset, 200]);
      }
    });
  });

  describe('files', () => {
    it('keep the SQLite database and its WAL readable by their owner only', async () => {
      const database = await createTestDatabase('sqlite');
      const dataDir = join(database.dataDir, 'data');
      // No DATABASE_URL: the default SQLite file in a data directory the server creates.
      const fresh = await startTestApp({ database, env: { DATA_DIR: dataDir, DATABASE_URL: '' } });
      try {
        await createChannel(fresh);
        const modes = Object.fromEntries(
          ['', '/alert-hub.sqlite', '/alert-hub.sqlite-wal', '/alert-hub.sqlite-shm'].map(
            (file) => [file, (statSync(`${dataDir}${file}`).mode & 0o777).toString(8)],
          ),
        );
        expect(modes).toEqual({
          '': '700',
          '/alert-hub.sqlite': '600',
          '/alert-hub.sqlite-wal': '600',
          '/alert-hub.sqlite-shm': '600',
        });
      } finally {
        await fresh.app.close();
        await database.drop();
      }
    });
  });
});
