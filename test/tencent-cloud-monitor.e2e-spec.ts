import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import capturedFiring from '../plugins/tencent-cloud-monitor/fixtures/captured-metric-firing.json' with { type: 'json' };
import capturedResolved from '../plugins/tencent-cloud-monitor/fixtures/captured-metric-resolved.json' with { type: 'json' };
import { createChannel, push, type CreatedIntegration } from './support/admin-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PLUGIN_ID = 'tencent-cloud-monitor';

interface AlertSeen {
  status: 'active' | 'resolved';
  startsAt: string | null;
  resolvedAt: string | null;
  eventCount: number;
}

describe('Tencent Cloud Monitor callbacks over HTTP', () => {
  let t: TestApp;
  let channelId: string;

  beforeAll(async () => {
    t = await startTestApp();
    channelId = await createChannel(t);
  });
  afterAll(() => t.close());

  async function integrationWith(settings?: Record<string, string>) {
    const response = await t.admin
      .post('/api/v1/integrations')
      .send({ name: 'TCOP', pluginId: PLUGIN_ID, type: 'private', channelId, settings });
    expect(response.status).toBe(201);
    return response.body.data as CreatedIntegration & { settings: Record<string, unknown> };
  }

  async function alertsOf(integration: CreatedIntegration): Promise<AlertSeen[]> {
    const response = await t.admin.get('/api/v1/alerts').query({ integrationId: integration.id });
    expect(response.status).toBe(200);
    return response.body.data as AlertSeen[];
  }

  it('folds the captured alarm and its recovery into one alert, in Beijing time by default', async () => {
    const integration = await integrationWith();
    expect(integration.settings).toEqual({ timezone: 'Asia/Shanghai' });
    expect((await push(t, integration, capturedFiring)).status).toBe(200);
    expect((await push(t, integration, capturedResolved)).status).toBe(200);
    expect(await alertsOf(integration)).toEqual([
      expect.objectContaining({
        status: 'resolved',
        startsAt: '2021-05-04T20:37:00.000Z',
        resolvedAt: '2021-05-06T00:46:00.000Z',
        eventCount: 2,
      }),
    ]);
  });

  it("reads the callback's local times in the integration's timezone setting", async () => {
    const integration = await integrationWith({ timezone: 'UTC' });
    expect((await push(t, integration, capturedFiring)).status).toBe(200);
    expect(await alertsOf(integration)).toEqual([
      expect.objectContaining({ status: 'active', startsAt: '2021-05-05T04:37:00.000Z' }),
    ]);
  });

  it('refuses an alarmStatus other than 1 or 0 with 400, naming the value', async () => {
    const integration = await integrationWith();
    const response = await push(t, integration, { ...capturedFiring, alarmStatus: '2' });
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual(
      expect.objectContaining({
        code: 'InvalidPayload',
        message: expect.stringContaining(
          '$.alarmStatus: expected "1" (alarm) or "0" (recovered), got 2',
        ),
      }),
    );
    expect(await alertsOf(integration)).toEqual([]);
  });
});
