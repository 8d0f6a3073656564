import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import {
  createChannel,
  createPrivateIntegration,
  push,
  type CreatedIntegration,
} from './support/admin-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Summary {
  events: number;
  stored: number;
  deduplicated: number;
  unrouted: number;
}

describe('concurrent pushes', () => {
  let t: TestApp;
  let channelId: string;
  let integration: CreatedIntegration;

  beforeAll(async () => {
    t = await startTestApp();
    channelId = await createChannel(t);
    integration = await createPrivateIntegration(t, channelId);
  });
  afterAll(() => t.close());

  async function pushAll(bodies: object[], to = integration): Promise<Summary[]> {
    const responses = await Promise.all(bodies.map((body) => push(t, to, body)));
    for (const response of responses) expect(response.status).toBe(200);
    return responses.map((response) => (response.body as { data: Summary }).data);
  }

  it('stores every event of pushes that arrive together', async () => {
    const bodies = Array.from({ length: 40 }, (_, index) =>
      alertmanagerPush(
        { fingerprint: `together-${index}-a` },
        { fingerprint: `together-${index}-b` },
      ),
    );
    const summaries = await pushAll(bodies);
    expect(summaries.every((summary) => summary.stored === 2)).toBe(true);
    const events = await t.admin
      .get('/api/v1/events')
      .query({ integrationId: integration.id, limit: 500 });
    const keys = (events.body.data as Array<{ alertKey: string }>).map((event) => event.alertKey);
    expect(keys.filter((key) => key.startsWith('together-'))).toHaveLength(80);
  });

  it('makes one alert per integration of the same new alert pushed many times at once', async () => {
    const peer = await createPrivateIntegration(t, channelId);
    const body = alertmanagerPush({ fingerprint: 'race-1' });
    const summaries = (
      await Promise.all([pushAll(Array(10).fill(body)), pushAll(Array(10).fill(body), peer)])
    ).flat();
    const stored = summaries.reduce((sum, summary) => sum + summary.stored, 0);
    const deduplicated = summaries.reduce((sum, summary) => sum + summary.deduplicated, 0);
    expect({ stored, deduplicated }).toEqual({ stored: 2, deduplicated: 18 });
    const alerts = await t.admin.get('/api/v1/alerts').query({ alertKey: 'race-1' });
    const byIntegration = (alerts.body.data as Array<Record<string, unknown>>).map(
      ({ integrationId, eventCount, repeatCount }) => ({ integrationId, eventCount, repeatCount }),
    );
    expect(byIntegration).toHaveLength(2);
    expect(byIntegration).toEqual(
      expect.arrayContaining(
        [integration.id, peer.id].map((integrationId) => ({
          integrationId,
          eventCount: 1,
          repeatCount: 9,
        })),
      ),
    );
  });

  it('applies a disable or a delete to the very next push, though the key is cached', async () => {
    const disabled = await createPrivateIntegration(t, channelId);
    expect((await push(t, disabled, alertmanagerPush({}))).status).toBe(200);
    await t.admin.patch(`/api/v1/integrations/${disabled.id}`).send({ enabled: false });
    expect((await push(t, disabled, alertmanagerPush({}))).status).toBe(403);

    const deleted = await createPrivateIntegration(t, channelId);
    expect((await push(t, deleted, alertmanagerPush({}))).status).toBe(200);
    await t.admin.delete(`/api/v1/integrations/${deleted.id}`);
    expect((await push(t, deleted, alertmanagerPush({}))).status).toBe(401);
  });

  it('records the latest event time of pushes that come faster than it is written', async () => {
    const busy = await createPrivateIntegration(t, channelId);
    await push(t, busy, alertmanagerPush({ fingerprint: 'busy-1' }));
    const lastPushAt = Date.now();
    await push(t, busy, alertmanagerPush({ fingerprint: 'busy-2' }));
    // The second time is written at the end of the one-second window: wait for it, boundedly.
    let latestEventAt = 0;
    for (let attempt = 0; attempt < 50 && latestEventAt < lastPushAt; attempt++) {
      const response = await t.admin.get(`/api/v1/integrations/${busy.id}`);
      latestEventAt = Date.parse(response.body.data.latestEventAt as string);
      if (latestEventAt < lastPushAt) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(latestEventAt).toBeGreaterThanOrEqual(lastPushAt);
  });
});
