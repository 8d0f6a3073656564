import { describe, expect, it } from '@jest/globals';
import {
  OutboundHostNotAllowed,
  OutboundRequestFailed,
  PayloadError,
  verificationFailed,
  type IntegrationPlugin,
  type SubscriptionHandshake,
  type VerificationResult,
} from '@alert-hub/plugin-sdk';
import type { DiscoveryService, Reflector } from '@nestjs/core';
import { UnavailableError } from '../common/api-error.js';
import type { EventStore } from '../events/event-store.service.js';
import type { PushSummary, PushToStore } from '../events/normalized-event.js';
import type { HeartbeatAlerts } from '../heartbeats/heartbeat-alerts.js';
import { HeartbeatBeats } from '../heartbeats/heartbeat-beats.service.js';
import type { SubscriptionHandshakes } from '../handshakes/subscription-handshakes.js';
import { parseHeartbeat } from '../integrations/heartbeat-settings.js';
import type { IntegrationHeartbeats } from '../integrations/integration-heartbeats.js';
import type { Integration } from '../integrations/integration.entity.js';
import type { PluginOutbound } from '../outbound/plugin-outbound.js';
import type { PipelineService } from '../pipeline/pipeline.service.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import type { PushSilencing } from '../silences/push-silencing.js';
import { RoutingService } from '../routing/routing.service.js';
import { IngestFlow } from './flow/ingest-flow.js';
import { HandshakeStep } from './flow/steps/handshake.step.js';
import { HeartbeatAfterPushStep } from './flow/steps/heartbeat-after-push.step.js';
import { HeartbeatBeatsStep } from './flow/steps/heartbeat-beats.step.js';
import { ParseStep } from './flow/steps/parse.step.js';
import { PingStep } from './flow/steps/ping.step.js';
import { PipelineStep } from './flow/steps/pipeline.step.js';
import { RouteStep } from './flow/steps/route.step.js';
import { SilenceStep } from './flow/steps/silence.step.js';
import { StoreStep } from './flow/steps/store.step.js';
import { VerifyStep } from './flow/steps/verify.step.js';
import { IngestService, type Push } from './ingest.service.js';
import { PushMonitor } from './push-monitor.js';
import type { PushRecord } from './push-record.js';

/** The demo source's body: `{ alerts: [{ key, status }] }`. */
function parseDemo(body: unknown): ReturnType<IntegrationPlugin['parse']> {
  const { alerts } = body as { alerts?: unknown };
  if (!Array.isArray(alerts)) throw new PayloadError('alerts must be an array', '$.alerts');
  return (alerts as Array<{ key: string; status: 'firing' | 'resolved' }>).map((alert) => ({
    status: alert.status,
    alertKey: alert.key,
    title: `Alert ${alert.key}`,
    labels: { severity: 'high' },
    raw: alert,
  }));
}

function demoPlugin(overrides: Partial<IntegrationPlugin> = {}): IntegrationPlugin {
  return {
    id: 'demo',
    name: 'Demo',
    description: 'a source for the tests',
    severityMap: { fields: ['labels.severity'], values: { high: 'Critical' }, default: 'Warning' },
    docs: { setup: 'push to {{pushUrl}}', samples: {} },
    parse: parseDemo,
    ...overrides,
  };
}

const INTEGRATION = {
  id: 'integration-1',
  pluginId: 'demo',
  enabled: true,
  type: 'private',
  channelId: 'channel-1',
  routes: null,
  routesVersion: 0,
  settings: {},
  autoResolveAfterSeconds: 3600,
  heartbeat: null,
  lastBeatAt: null,
} as unknown as Integration;

const receivedAt = new Date('2026-12-01T10:00:00Z');

function sourcePush(body: unknown, overrides: Partial<Push> = {}): Push {
  return {
    pluginId: 'demo',
    body,
    rawBody: Buffer.from(JSON.stringify(body)),
    headers: {},
    requestId: 'request-1',
    receivedAt,
    answeredByPlugin: true,
    ...overrides,
  };
}

const FIRING = { alerts: [{ key: 'disk', status: 'firing' }] };

/**
 * Ingestion with its real registry, flow,, routing, monitor and heartbeat logic; doubles where a
 * database or the network would be: the event store, the heartbeat state, handshakes, outbound.
 */
function pipeline(plugin: IntegrationPlugin, options: { storeFails?: boolean } = {}) {
  const plugins = new PluginRegistry({} as DiscoveryService, {} as Reflector);
  plugins.register(plugin);
  const stored: PushToStore[] = [];
  const store = {
    store: (push: PushToStore): Promise<PushSummary> => {
      if (options.storeFails) return Promise.reject(new UnavailableError());
      stored.push(push);
      const events = push.events.length;
      return Promise.resolve({ events, stored: events, deduplicated: 0, unrouted: 0, beats: 0 });
    },
  } as unknown as EventStore;
  const beats: Array<{ integrationId: string; at: Date }> = [];
  const states = {
    recordBeat: (integrationId: string, _heartbeat: unknown, at: Date) => {
      beats.push({ integrationId, at });
      return Promise.resolve({ kind: 'recorded' });
    },
  } as unknown as IntegrationHeartbeats;
  const confirmed: SubscriptionHandshake[] = [];
  let confirmation: () => Promise<string> = () => Promise.resolve('confirmed the subscription');
  const handshakes = {
    confirm: (
      _integration: Integration,
      _plugin: IntegrationPlugin,
      handshake: SubscriptionHandshake,
    ) => {
      confirmed.push(handshake);
      return confirmation();
    },
  } as unknown as SubscriptionHandshakes;
  const outbound = { signingCertificatesFor: () => ({}) } as unknown as PluginOutbound;
  const monitor = new PushMonitor();
  const records: PushRecord[] = [];
  monitor.pushes.subscribe((record) => records.push(record));
  const heartbeats = new HeartbeatBeats(states, {} as HeartbeatAlerts);
  const noPipeline = { has: () => false } as unknown as PipelineService;
  const noSilences = { forPush: () => Promise.resolve(null) } as unknown as PushSilencing;
  const flow = new IngestFlow(
    new PingStep(heartbeats),
    new VerifyStep(outbound),
    new HandshakeStep(handshakes),
    new ParseStep(),
    new HeartbeatBeatsStep(heartbeats),
    new PipelineStep(noPipeline),
    new RouteStep(new RoutingService()),
    new SilenceStep(noSilences),
    new StoreStep(store),
    new HeartbeatAfterPushStep(heartbeats),
  );
  const ingest = new IngestService(plugins, monitor, flow);
  return {
    ingest,
    stored,
    beats,
    confirmed,
    records,
    confirmWith: (outcome: () => Promise<string>) => {
      confirmation = outcome;
    },
  };
}

/** The status and code a push was answered with, and what the push log was told. */
async function refusal(
  run: Promise<unknown>,
  records: PushRecord[],
): Promise<Pick<PushRecord, 'httpStatus' | 'outcome' | 'errorCode' | 'errorMessage'>> {
  await expect(run).rejects.toBeInstanceOf(Error);
  expect(records).toHaveLength(1);
  const [record] = records;
  if (record === undefined) throw new Error('nothing was recorded');
  expect(record).toMatchObject({ summary: null, note: null, integrationId: 'integration-1' });
  const { httpStatus, outcome, errorCode, errorMessage } = record;
  return { httpStatus, outcome, errorCode, errorMessage };
}

describe('IngestService', () => {
  it('stores the parsed events on the routed channel, answers the summary and records it', async () => {
    const { ingest, stored, records } = pipeline(demoPlugin());
    const result = await ingest.pushFor(INTEGRATION, sourcePush(FIRING));
    expect(result).toEqual({
      summary: { events: 1, stored: 1, deduplicated: 0, unrouted: 0, beats: 0 },
      answer: {},
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      integrationId: 'integration-1',
      requestId: 'request-1',
      receivedAt,
      autoResolveAfterSeconds: 3600,
      events: [{ event: { alertKey: 'disk', severity: 'Critical' }, channelIds: ['channel-1'] }],
    });
    expect(records).toEqual([
      expect.objectContaining({
        requestId: 'request-1',
        pluginId: 'demo',
        integrationId: 'integration-1',
        receivedAt,
        httpStatus: 200,
        outcome: 'accepted',
        errorCode: null,
        summary: result.summary,
        note: null,
      }),
    ]);
  });

  it("lets the plugin shape a source's answer and note the push, never the admin's test push", async () => {
    const plugin = demoPlugin({
      parse: (body, context) => {
        context.note('read the demo format');
        return parseDemo(body);
      },
      answer: ({ events }) => ({ status: 202, body: { accepted: events } }),
    });
    const { ingest, records } = pipeline(plugin);
    const fromSource = await ingest.pushFor(INTEGRATION, sourcePush(FIRING));
    expect(fromSource.answer).toEqual({ status: 202, body: { accepted: 1 } });
    const test = await ingest.pushFor(
      INTEGRATION,
      sourcePush(FIRING, { rawBody: undefined, answeredByPlugin: false }),
    );
    expect(test.answer).toEqual({});
    expect(records.map(({ httpStatus, note }) => [httpStatus, note])).toEqual([
      [202, 'read the demo format'],
      [200, 'read the demo format'],
    ]);
  });

  it('refuses a body the plugin cannot read, stores nothing, and records why', async () => {
    const { ingest, stored, records } = pipeline(demoPlugin());
    expect(await refusal(ingest.pushFor(INTEGRATION, sourcePush({ nope: 1 })), records)).toEqual({
      httpStatus: 400,
      outcome: 'refused',
      errorCode: 'InvalidPayload',
      errorMessage: '$.alerts: alerts must be an array',
    });
    expect(stored).toEqual([]);
  });

  it('refuses a push to a disabled integration or one whose plugin is gone', async () => {
    const disabled = pipeline(demoPlugin());
    const off = { ...INTEGRATION, enabled: false } as Integration;
    expect(
      await refusal(disabled.ingest.pushFor(off, sourcePush(FIRING)), disabled.records),
    ).toMatchObject({ httpStatus: 403, outcome: 'refused', errorCode: 'IntegrationDisabled' });
    const gone = pipeline(demoPlugin({ id: 'other' }));
    expect(
      await refusal(gone.ingest.pushFor(INTEGRATION, sourcePush(FIRING)), gone.records),
    ).toMatchObject({ httpStatus: 404, outcome: 'refused', errorCode: 'PluginUnavailable' });
    expect([...disabled.stored, ...gone.stored]).toEqual([]);
  });

  it('records a push the database could not take as failed, for the sender to retry', async () => {
    const { ingest, records } = pipeline(demoPlugin(), { storeFails: true });
    expect(await refusal(ingest.pushFor(INTEGRATION, sourcePush(FIRING)), records)).toMatchObject({
      httpStatus: 503,
      outcome: 'failed',
      errorCode: 'Unavailable',
    });
  });

  describe('verification', () => {
    function verifying(verify: () => Promise<VerificationResult>) {
      return pipeline(demoPlugin({ verify }));
    }

    it('stores a push the plugin verified, and skips verifying the test push (no bytes)', async () => {
      let verified = 0;
      const { ingest, stored } = verifying(() => {
        verified += 1;
        return Promise.resolve({ verified: true });
      });
      await ingest.pushFor(INTEGRATION, sourcePush(FIRING));
      await ingest.pushFor(INTEGRATION, sourcePush(FIRING, { rawBody: undefined }));
      expect([verified, stored.length]).toEqual([1, 2]);
    });

    it('tells the sender only that verification failed, and the push log why', async () => {
      const { ingest, stored, records } = verifying(() =>
        Promise.resolve(verificationFailed('the signature does not match the body')),
      );
      expect(await refusal(ingest.pushFor(INTEGRATION, sourcePush(FIRING)), records)).toEqual({
        httpStatus: 401,
        outcome: 'refused',
        errorCode: 'SignatureInvalid',
        errorMessage: 'the signature does not match the body',
      });
      expect(stored).toEqual([]);
    });

    it('refuses a certificate off the allowlist, and fails on one that cannot be fetched', async () => {
      const offList = verifying(() =>
        Promise.reject(new OutboundHostNotAllowed('https://evil.example.com/cert.pem')),
      );
      expect(
        await refusal(offList.ingest.pushFor(INTEGRATION, sourcePush(FIRING)), offList.records),
      ).toEqual({
        httpStatus: 401,
        outcome: 'refused',
        errorCode: 'SignatureInvalid',
        errorMessage:
          'https://evil.example.com/cert.pem is not an HTTPS URL on a host this plugin may contact',
      });
      const away = verifying(() =>
        Promise.reject(new OutboundRequestFailed('https://sns.example.com/cert.pem', 'timed out')),
      );
      expect(
        await refusal(away.ingest.pushFor(INTEGRATION, sourcePush(FIRING)), away.records),
      ).toEqual({
        httpStatus: 502,
        outcome: 'failed',
        errorCode: 'UpstreamUnavailable',
        errorMessage: 'fetching a signing certificate: https://sns.example.com/cert.pem: timed out',
      });
    });
  });

  describe('handshakes', () => {
    const HANDSHAKE: SubscriptionHandshake = {
      confirmUrl: 'https://sns.example.com/confirm?token=t',
      messageId: 'message-1',
      description: 'the SNS subscription',
    };
    const handshaking = () =>
      pipeline(
        demoPlugin({
          outboundHosts: ['sns.*.example.com'],
          handshake: (body) =>
            (body as { type?: string }).type === 'subscribe' ? HANDSHAKE : undefined,
        }),
      );

    it('confirms a handshake instead of parsing it, stores nothing and notes it', async () => {
      const { ingest, stored, confirmed, records } = handshaking();
      const { summary } = await ingest.pushFor(INTEGRATION, sourcePush({ type: 'subscribe' }));
      expect(summary).toEqual({ events: 0, stored: 0, deduplicated: 0, unrouted: 0, beats: 0 });
      expect(confirmed).toEqual([HANDSHAKE]);
      expect(stored).toEqual([]);
      expect(records).toEqual([
        expect.objectContaining({ outcome: 'accepted', note: 'confirmed the subscription' }),
      ]);
    });

    it('refuses a confirmation URL off the allowlist, and fails on a host that is away', async () => {
      const offList = handshaking();
      offList.confirmWith(() =>
        Promise.reject(new OutboundHostNotAllowed('https://evil.example.com/')),
      );
      expect(
        await refusal(
          offList.ingest.pushFor(INTEGRATION, sourcePush({ type: 'subscribe' })),
          offList.records,
        ),
      ).toMatchObject({ httpStatus: 400, outcome: 'refused', errorCode: 'HandshakeRefused' });
      const away = handshaking();
      away.confirmWith(() =>
        Promise.reject(new OutboundRequestFailed(HANDSHAKE.confirmUrl, 'answered 500')),
      );
      expect(
        await refusal(
          away.ingest.pushFor(INTEGRATION, sourcePush({ type: 'subscribe' })),
          away.records,
        ),
      ).toEqual({
        httpStatus: 502,
        outcome: 'failed',
        errorCode: 'UpstreamUnavailable',
        errorMessage: `confirming the SNS subscription: ${HANDSHAKE.confirmUrl}: answered 500`,
      });
    });
  });

  describe('pings', () => {
    const PING: Push = {
      pluginId: 'demo',
      body: undefined,
      rawBody: undefined,
      headers: {},
      requestId: 'request-1',
      receivedAt,
      answeredByPlugin: false,
      ping: true,
    };

    const pinged: Integration = {
      ...INTEGRATION,
      heartbeat: parseHeartbeat({ intervalSeconds: 60, source: 'ping' }),
    };

    it('records a beat without reading a body or storing an event', async () => {
      const { ingest, stored, beats, records } = pipeline(
        demoPlugin({
          parse: () => {
            throw new Error('a ping is not parsed');
          },
        }),
      );
      const { summary } = await ingest.pushFor(pinged, PING);
      expect(summary).toEqual({ events: 0, stored: 0, deduplicated: 0, unrouted: 0, beats: 1 });
      expect(beats).toEqual([{ integrationId: 'integration-1', at: receivedAt }]);
      expect(stored).toEqual([]);
      expect(records).toEqual([expect.objectContaining({ outcome: 'accepted', httpStatus: 200 })]);
    });

    it('refuses a ping for an integration without a heartbeat of source ping', async () => {
      const { ingest, beats, records } = pipeline(demoPlugin());
      expect(await refusal(ingest.pushFor(INTEGRATION, PING), records)).toMatchObject({
        httpStatus: 409,
        outcome: 'refused',
        errorCode: 'NoPingHeartbeat',
      });
      expect(beats).toEqual([]);
    });
  });
});
