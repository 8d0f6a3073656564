import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  FIXTURE_RECEIVED_AT,
  loadFixtureCases,
  type ExpectedEvent,
} from '@alert-hub/plugin-sdk/testing';
import { join } from 'node:path';
import { createChannel, createPrivateIntegration } from './support/admin-fixtures.js';
import { ENABLED_PLUGIN_IDS } from './support/enabled-plugins.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const LABEL_VALUE_LIMIT = 2048;
const DESCRIPTION_LIMIT = 2048;

const cases = ENABLED_PLUGIN_IDS.flatMap((pluginId) =>
  loadFixtureCases(join(import.meta.dirname, '..', 'plugins', pluginId, 'fixtures')).map(
    (fixture) => ({ pluginId, ...fixture }),
  ),
);

function limited(values: Record<string, string>, max: number): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, value.slice(0, max)]),
  );
}

/** The stored form of an expected event: absent becomes null, the core's length limits apply. */
function asStored(expected: ExpectedEvent, receivedAt: string) {
  return {
    status: expected.status,
    severity: expected.severity,
    eventStatus: expected.eventStatus,
    sourceSeverity: expected.sourceSeverity ?? null,
    alertKey: expected.alertKey,
    title: expected.title,
    description: expected.description?.slice(0, DESCRIPTION_LIMIT) ?? null,
    labels: limited(expected.labels, LABEL_VALUE_LIMIT),
    annotations: expected.annotations ?? {},
    startsAt: expected.startsAt ?? null,
    endsAt: expected.endsAt ?? null,
    // Without a time of its own, an event takes the time it was received.
    eventTime: expected.eventTime === FIXTURE_RECEIVED_AT ? receivedAt : expected.eventTime,
    links: expected.links ?? null,
  };
}

describe('every plugin fixture pushed through the real webhook endpoint', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('covers the fixtures of every enabled plugin', () => {
    expect(ENABLED_PLUGIN_IDS.length).toBeGreaterThan(0);
    for (const pluginId of ENABLED_PLUGIN_IDS) {
      expect(cases.filter((fixture) => fixture.pluginId === pluginId).length).toBeGreaterThan(0);
    }
  });

  it.each(cases.map((fixture) => [`${fixture.pluginId}/${fixture.name}`, fixture] as const))(
    '%s lands as its expected events',
    async (_name, fixture) => {
      const channelId = await createChannel(t);
      const integration = await createPrivateIntegration(
        t,
        channelId,
        fixture.pluginId,
        fixture.settings,
      );
      // The body as the source sends it, with its media type: a form fixture goes as a form.
      const response = await t.http
        .post(`/webhooks/${integration.pluginId}`)
        .query({ integration_key: integration.integrationKey })
        .set('Content-Type', fixture.contentType)
        .send(fixture.bodyText);
      expect(response.status).toBe(200);
      const expected = fixture.expected ?? [];
      expect(response.body.data.events).toBe(expected.length);

      const listed = await t.admin
        .get('/api/v1/events')
        .query({ integrationId: integration.id, limit: 500 });
      const stored = (listed.body.data as Array<Record<string, unknown>>).reverse();
      const receivedAt = stored[0]?.receivedAt as string;
      const pick = (event: Record<string, unknown>) =>
        Object.fromEntries(
          Object.keys(asStored(expected[0], receivedAt)).map((k) => [k, event[k]]),
        );
      // Two alerts of one push with the same key and content fold into one stored event.
      const distinct = expected.filter(
        (event, index) =>
          expected.findIndex((other) => JSON.stringify(other) === JSON.stringify(event)) === index,
      );
      expect(stored.map(pick)).toEqual(distinct.map((event) => asStored(event, receivedAt)));
    },
  );
});
