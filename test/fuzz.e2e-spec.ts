import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Response } from 'supertest';
import {
  createChannel,
  createPrivateIntegration,
  pushLogEntry,
  pushRaw,
  type CreatedIntegration,
} from './support/admin-fixtures.js';
import {
  adminBodyCase,
  listQueryCase,
  pathCase,
  type AdminBodyTarget,
} from './support/fuzz/admin-cases.js';
import {
  FUZZ_SEED,
  REQUEST_TIMEOUT_MS,
  expectAlive,
  expectApiError,
  fuzz,
  fuzzCasesRun,
} from './support/fuzz/fuzz-runner.js';
import { ALERTMANAGER_MAPPING, hostileMapping, previewBody } from './support/fuzz/mapping-cases.js';
import {
  alertmanagerBody,
  alertmanagerCase,
  randomBytesCase,
  randomJsonCase,
  type WebhookCase,
} from './support/fuzz/webhook-cases.js';
import { standardEventCase } from './support/fuzz/standard-cases.js';
import { rowCounts } from './support/row-counts.js';
import { ENABLED_PLUGIN_IDS } from './support/enabled-plugins.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_DATABASE } from './support/test-database.js';

/** A property runs its cases one after another over HTTP: minutes, not Jest's 5 s default. */
const PROPERTY_TIMEOUT_MS = 300_000;

/**
 * Property-based fuzzing of the webhook and admin endpoints (fast-check): whatever arrives, the
 * answer is a 200 or a 4xx with a JSON error, never a 5xx or a hang, the server keeps answering,
 * and a refused push stores nothing.
 */
describe('fuzzing the endpoints', () => {
  let t: TestApp;
  let integrations: CreatedIntegration[];
  let adminChannelId: string;
  let adminIntegration: CreatedIntegration;
  let mappingTarget: CreatedIntegration;

  beforeAll(async () => {
    t = await startTestApp();
    const channelId = await createChannel(t, 'fuzzed pushes');
    integrations = [];
    for (const pluginId of ENABLED_PLUGIN_IDS) {
      integrations.push(await createPrivateIntegration(t, channelId, pluginId));
    }
    // The mapped webhook with a mapping, beside the one without (which refuses every push).
    integrations.push(
      await createPrivateIntegration(t, channelId, 'webhook', { mapping: ALERTMANAGER_MAPPING }),
    );
    mappingTarget = await createPrivateIntegration(t, channelId, 'webhook');
    adminChannelId = await createChannel(t, 'fuzzed admin');
    adminIntegration = await createPrivateIntegration(t, adminChannelId);
  });
  afterAll(async () => {
    console.log(
      `fuzz: ${fuzzCasesRun()} cases ran on ${TEST_DATABASE} (seed ${FUZZ_SEED}; set FUZZ_SEED to vary, FUZZ_SCALE to run more)`,
    );
    await t.close();
  });

  /**
   * The webhook property: 200 (or a plugin's 202) with the stored count in its push log entry (a
   * plugin may shape the answer's body), or a 4xx storing nothing.
   */
  async function expectPushHandled(integration: CreatedIntegration, push: WebhookCase) {
    const before = await rowCounts(t, integration.id);
    const response = await pushRaw(t, integration, push.body, push.contentType).timeout(
      REQUEST_TIMEOUT_MS,
    );
    const after = await rowCounts(t, integration.id);
    // 202 for a plugin answering as its source's API does (PagerDuty's Events API).
    if (response.status === 200 || response.status === 202) {
      const logged = await pushLogEntry(t, integration.id, response.headers['x-request-id'] ?? '');
      expect(logged?.counts).toEqual({
        events: expect.any(Number),
        stored: expect.any(Number),
        deduplicated: expect.any(Number),
        unrouted: 0,
        beats: 0,
      });
      expect(after.events - before.events).toBe((logged?.counts as { stored: number }).stored);
    } else {
      expectApiError(response);
      expect(after).toEqual(before);
    }
    await expectAlive(t);
  }

  /** Every enabled plugin's integration, and the mapped webhook with a mapping. */
  const toPlugin = fc.nat(ENABLED_PLUGIN_IDS.length);

  const pushProperties: Array<[string, fc.Arbitrary<WebhookCase>, number]> = [
    ['near-valid Alertmanager pushes mutated anywhere', alertmanagerCase, 240],
    ['any JSON document', randomJsonCase, 120],
    ['any bytes, as any content type', randomBytesCase, 120],
  ];

  it.each(pushProperties)(
    'handles %s, for every plugin',
    async (_name, pushes, runs) => {
      await fuzz(fc.tuple(toPlugin, pushes), runs, ([plugin, push]) =>
        expectPushHandled(integrations[plugin], push),
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'handles near-valid standard events of every dialect, mutated anywhere',
    async () => {
      const standard = integrations[ENABLED_PLUGIN_IDS.indexOf('standard')];
      if (standard === undefined) throw new Error('the standard plugin is not enabled');
      await fuzz(standardEventCase, 150, (push) => expectPushHandled(standard, push));
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'answers hostile mappings and previews with a 2xx or a 4xx, and pushes read with what was saved',
    async () => {
      const url = `/api/v1/integrations/${mappingTarget.id}/mapping`;
      await fuzz(
        fc.tuple(hostileMapping, previewBody, alertmanagerBody),
        120,
        async ([mapping, preview, body]) => {
          const { version } = (await t.admin.get(url)).body.data as { version: number };
          const saved = await t.admin
            .put(url)
            .set('Content-Type', 'application/json')
            .send(`{"version":${version},"mapping":${mapping}}`)
            .timeout(REQUEST_TIMEOUT_MS);
          expectAnswered(saved, [200]);
          expect([200, 400, 413]).toContain(saved.status);
          const tried = await t.admin
            .post(`${url}/preview`)
            .set('Content-Type', 'application/json')
            .send(preview)
            .timeout(REQUEST_TIMEOUT_MS);
          expectAnswered(tried, [200]);
          expect([200, 400, 413, 422]).toContain(tried.status);
          await expectPushHandled(mappingTarget, {
            body: Buffer.from(JSON.stringify(body)),
            contentType: 'application/json',
          });
        },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  function expectAnswered(response: Response, success: number[]) {
    if (success.includes(response.status)) {
      expect(response.body).toHaveProperty('data');
    } else {
      expectApiError(response);
    }
  }

  it(
    'answers hostile filters of the lists with 200 or 400, and leaves the tables intact',
    async () => {
      const before = await rowCounts(t, integrations[0].id);
      await fuzz(listQueryCase, 150, async (url) => {
        const response = await t.admin.get(url).timeout(REQUEST_TIMEOUT_MS);
        expect([200, 400]).toContain(response.status);
        expectAnswered(response, [200]);
        await expectAlive(t);
      });
      expect(await rowCounts(t, integrations[0].id)).toEqual(before);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'answers hostile ids in paths with a 4xx',
    async () => {
      await fuzz(pathCase, 90, async ({ method, url }) => {
        const response =
          await t.admin[method.toLowerCase() as 'get' | 'delete' | 'patch' | 'post'](url).timeout(
            REQUEST_TIMEOUT_MS,
          );
        expectAnswered(response, [200]);
        await expectAlive(t);
      });
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'answers hostile admin bodies with a 2xx or a 4xx',
    async () => {
      const urls: Record<AdminBodyTarget, Record<string, string>> = {
        channel: {
          POST: '/api/v1/channels',
          PATCH: `/api/v1/channels/${adminChannelId}`,
        },
        integration: {
          POST: '/api/v1/integrations',
          PATCH: `/api/v1/integrations/${adminIntegration.id}`,
        },
      };
      await fuzz(adminBodyCase, 150, async ({ method, target, body, contentType }) => {
        const url = urls[target][method];
        const request = method === 'POST' ? t.admin.post(url) : t.admin.patch(url);
        const response = await request
          .set('Content-Type', contentType)
          .send(body)
          .timeout(REQUEST_TIMEOUT_MS);
        expectAnswered(response, [200, 201]);
        await expectAlive(t);
      });
    },
    PROPERTY_TIMEOUT_MS,
  );
});
