import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  FIXTURE_RECEIVED_AT,
  loadFixtureCases,
  type ExpectedEvent,
  type FixtureCase,
} from '@alert-hub/plugin-sdk/testing';
import { join } from 'node:path';
import { createChannel, createPrivateIntegration, pushLogEntry } from './support/admin-fixtures.js';
import { ENABLED_PLUGIN_IDS } from './support/enabled-plugins.js';
import { FakeHttpsHost, TEST_CA_FILE, answer } from './support/fake-https-host.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const LABEL_VALUE_LIMIT = 2048;
const DESCRIPTION_LIMIT = 2048;

const cases = ENABLED_PLUGIN_IDS.flatMap((pluginId) =>
  loadFixtureCases(join(import.meta.dirname, '..', 'plugins', pluginId, 'fixtures')).map(
    (fixture) => ({ pluginId, ...fixture }),
  ),
);

/** The confirmation URLs of the handshake fixtures: the fake host answers them, under their names. */
const confirmUrls = cases.flatMap((fixture) =>
  fixture.handshake === undefined ? [] : [new URL(fixture.handshake.confirmUrl)],
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
  let host: FakeHttpsHost;
  beforeAll(async () => {
    host = await FakeHttpsHost.start();
    for (const url of confirmUrls) host.on(url.pathname, answer(200, 'confirmed'));
    // Each confirmation URL's host name leads to the fake host, which the test CA vouches for.
    const connectTo = confirmUrls.map(
      (url) => `${url.hostname}:${url.port || '443'}:127.0.0.1:${host.port}`,
    );
    t = await startTestApp({
      env: { OUTBOUND_CA_FILE: TEST_CA_FILE, OUTBOUND_CONNECT_TO: connectTo.join(',') },
    });
  });
  afterAll(async () => {
    await t.close();
    await host.close();
  });

  it('covers the fixtures of every enabled plugin', () => {
    expect(ENABLED_PLUGIN_IDS.length).toBeGreaterThan(0);
    for (const pluginId of ENABLED_PLUGIN_IDS) {
      expect(cases.filter((fixture) => fixture.pluginId === pluginId).length).toBeGreaterThan(0);
    }
  });

  /**
   * The fixture as its source sends it, with its media type, to an integration with the
   * fixture's settings; the push log's entry of it. The counts come from the push log, not the
   * answer: a plugin may shape its own answer.
   */
  async function pushed(fixture: FixtureCase & { pluginId: string }) {
    const channelId = await createChannel(t);
    const integration = await createPrivateIntegration(
      t,
      channelId,
      fixture.pluginId,
      fixture.settings,
    );
    const response = await t.http
      .post(`/webhooks/${integration.pluginId}`)
      .query({ integration_key: integration.integrationKey })
      .set('Content-Type', fixture.contentType)
      .send(fixture.bodyText);
    // 202 for a plugin that answers as its source's API does (PagerDuty's Events API).
    expect([200, 202]).toContain(response.status);
    const requestId = response.headers['x-request-id'];
    return { integration, logged: await pushLogEntry(t, integration.id, requestId) };
  }

  const eventCases = cases.filter((fixture) => fixture.handshake === undefined);
  it.each(eventCases.map((fixture) => [`${fixture.pluginId}/${fixture.name}`, fixture] as const))(
    '%s lands as its expected events',
    async (_name, fixture) => {
      const { integration, logged } = await pushed(fixture);
      const expected = fixture.expected ?? [];
      expect(logged).toMatchObject({ outcome: 'accepted', counts: { events: expected.length } });

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

  const handshakeCases = cases.filter((fixture) => fixture.handshake !== undefined);
  it.each(
    handshakeCases.map((fixture) => [`${fixture.pluginId}/${fixture.name}`, fixture] as const),
  )('%s is confirmed at its URL, once, and stores nothing', async (_name, fixture) => {
    const confirmUrl = new URL(fixture.handshake?.confirmUrl ?? '');
    const before = host.requestsFor(confirmUrl.pathname).length;
    const { integration, logged } = await pushed(fixture);
    expect(host.requestsFor(confirmUrl.pathname).slice(before)).toEqual([
      { method: 'GET', url: `${confirmUrl.pathname}${confirmUrl.search}`, host: confirmUrl.host },
    ]);
    expect(logged).toMatchObject({
      outcome: 'accepted',
      counts: { events: 0, stored: 0 },
      note: `Confirmed ${fixture.handshake?.description}: GET ${confirmUrl.host} answered 200`,
    });
    const events = await t.admin.get('/api/v1/events').query({ integrationId: integration.id });
    expect(events.body.data).toEqual([]);
  });
});
