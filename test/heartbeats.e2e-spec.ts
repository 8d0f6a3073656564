import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { HeartbeatExpiry } from '../libs/core/src/heartbeats/heartbeat-expiry.service.js';
import { Integration } from '../libs/core/src/integrations/integration.entity.js';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import {
  createChannel,
  createSharedIntegration,
  push,
  putRoutes,
} from './support/admin-fixtures.js';
import { appWithIntegration } from './support/app-with-integration.js';
import {
  ageHeartbeat,
  createIntegration,
  heartbeatAlerts,
  integrationSeen,
  ping,
  type IntegrationWithHeartbeat,
} from './support/heartbeats.js';
import { parseSamples, sampleValue } from './support/prometheus-text.js';
import { storedAlertKeys } from './support/stored-events.js';
import { startTestApp } from './support/test-app.js';

const PING_HEARTBEAT = { intervalSeconds: 300, graceSeconds: 60, source: 'ping' };
/** Past the due time of PING_HEARTBEAT, from its latest beat. */
const PAST_DUE_SECONDS = 300 + 60 + 1;
const WATCHDOG = { field: 'labels.alertname', operator: 'equals', value: 'Watchdog' };

/** Only the sweeps a test runs: a scheduled one could take a miss the test is about. */
const NO_SCHEDULED_SWEEP = { env: { HEARTBEAT_SWEEP_MS: '86400000' } };

describe('heartbeats', () => {
  const suite = appWithIntegration(NO_SCHEDULED_SWEEP);
  let channelId: string;

  beforeAll(() => {
    channelId = suite.integration.channelId ?? '';
  });

  const dataSource = () => suite.t.app.get(DataSource);
  const sweep = () => suite.t.app.get(HeartbeatExpiry).sweep();
  const age = (integration: { id: string }, seconds = PAST_DUE_SECONDS) =>
    ageHeartbeat(dataSource(), integration.id, seconds);
  const watched = (heartbeat: object = PING_HEARTBEAT, fields: object = {}) =>
    createIntegration(suite.t, { channelId, heartbeat, ...fields });

  async function sweptOpened(): Promise<number> {
    return (await sweep()).opened;
  }

  describe('settings', () => {
    it('are shown by GET with their defaults, state and ping URL', async () => {
      const before = Date.now();
      const created = await watched({ intervalSeconds: 120, source: 'ping' });
      expect(created.heartbeat).toMatchObject({
        enabled: true,
        intervalSeconds: 120,
        graceSeconds: 60,
        source: 'ping',
        conditions: [],
        status: 'waiting',
        lastBeatAt: null,
        pingUrl: `http://alert-hub.test/webhooks/prometheus/heartbeat?integration_key=${created.integrationKey}`,
      });
      const dueAt = new Date(created.heartbeat?.dueAt ?? '').getTime();
      expect(dueAt).toBeGreaterThanOrEqual(before + 180_000);
      expect((await integrationSeen(suite.t, created.id)).heartbeat).toEqual(created.heartbeat);
      const plain = await integrationSeen(suite.t, suite.integration.id);
      expect(plain.heartbeat).toBeNull();
    });

    it('are refused with a 400 naming the field, at creation and in a PATCH', async () => {
      const cases: Array<[unknown, string]> = [
        [{ intervalSeconds: 59, source: 'ping' }, 'heartbeat.intervalSeconds'],
        [{ intervalSeconds: 2_592_001, source: 'ping' }, 'heartbeat.intervalSeconds'],
        [{ intervalSeconds: '300', source: 'ping' }, 'heartbeat.intervalSeconds'],
        [{ source: 'ping' }, 'heartbeat.intervalSeconds'],
        [{ intervalSeconds: 300, graceSeconds: -1, source: 'ping' }, 'heartbeat.graceSeconds'],
        [{ intervalSeconds: 300, graceSeconds: 86_401, source: 'ping' }, 'heartbeat.graceSeconds'],
        [{ intervalSeconds: 300, source: 'cron' }, 'heartbeat.source'],
        [{ intervalSeconds: 300, enabled: 'yes', source: 'ping' }, 'heartbeat.enabled'],
        [{ intervalSeconds: 300, source: 'events' }, 'heartbeat.conditions'],
        [{ intervalSeconds: 300, source: 'events', conditions: [] }, 'heartbeat.conditions'],
        [{ intervalSeconds: 300, source: 'ping', conditions: [WATCHDOG] }, 'heartbeat.conditions'],
        [
          {
            intervalSeconds: 300,
            source: 'events',
            conditions: [{ field: 'labels.alertname', operator: 'regex', value: '(' }],
          },
          'heartbeat.conditions[0]',
        ],
        [
          {
            intervalSeconds: 300,
            source: 'events',
            conditions: [{ field: 'x', operator: 'exists' }],
          },
          'heartbeat.conditions[0]',
        ],
        [{ intervalSeconds: 300, source: 'ping', everySunday: true }, 'everySunday'],
        ['every five minutes', 'heartbeat'],
      ];
      const patchUrl = `/api/v1/integrations/${suite.integration.id}`;
      for (const [heartbeat, field] of cases) {
        const created = await suite.t.admin.post('/api/v1/integrations').send({
          name: 'refused',
          pluginId: 'prometheus',
          type: 'private',
          channelId,
          heartbeat,
        });
        const patched = await suite.t.admin.patch(patchUrl).send({ heartbeat });
        for (const response of [created, patched]) {
          expect({ heartbeat, status: response.status }).toEqual({ heartbeat, status: 400 });
          expect(response.body.error.code).toBe('InvalidParameter');
          expect((response.body.error.details as string[]).join('; ')).toContain(field);
        }
      }
      expect((await integrationSeen(suite.t, suite.integration.id)).heartbeat).toBeNull();
    });

    it('are replaced whole by a PATCH, which starts the watch afresh, and removed by null', async () => {
      const integration = await watched();
      await age(integration, 1000);
      const url = `/api/v1/integrations/${integration.id}`;
      const before = Date.now();
      const changed = await suite.t.admin.patch(url).send({
        heartbeat: { intervalSeconds: 600, source: 'events', conditions: [WATCHDOG] },
      });
      expect(changed.status).toBe(200);
      expect(changed.body.data.heartbeat).toMatchObject({
        intervalSeconds: 600,
        graceSeconds: 60,
        source: 'events',
        conditions: [WATCHDOG],
        status: 'waiting',
      });
      expect(new Date(changed.body.data.heartbeat.dueAt).getTime()).toBeGreaterThanOrEqual(
        before + 660_000,
      );
      const renamed = await suite.t.admin.patch(url).send({ name: 'renamed cron job' });
      expect(renamed.body.data.heartbeat).toEqual(changed.body.data.heartbeat);
      const removed = await suite.t.admin.patch(url).send({ heartbeat: null });
      expect(removed.status).toBe(200);
      expect(removed.body.data.heartbeat).toBeNull();
      expect((await integrationSeen(suite.t, integration.id)).heartbeat).toBeNull();
    });
  });

  describe('the ping', () => {
    it('beats by GET and POST, with the key in the query or as a bearer token', async () => {
      const integration = await watched();
      const byGet = await ping(suite.t, integration);
      expect(byGet.status).toBe(200);
      expect(byGet.body.data).toEqual({
        events: 0,
        stored: 0,
        deduplicated: 0,
        unrouted: 0,
        beats: 1,
      });
      const afterGet = (await integrationSeen(suite.t, integration.id)).heartbeat;
      expect(afterGet?.status).toBe('ok');
      const beatAt = new Date(afterGet?.lastBeatAt ?? '').getTime();
      expect(new Date(afterGet?.dueAt ?? '').getTime()).toBe(beatAt + 360_000);

      const byPost = await suite.t.http
        .post('/webhooks/prometheus/heartbeat')
        .auth(integration.integrationKey, { type: 'bearer' });
      expect(byPost.status).toBe(200);
      expect(byPost.body.data.beats).toBe(1);
      const afterPost = (await integrationSeen(suite.t, integration.id)).heartbeat;
      expect(new Date(afterPost?.lastBeatAt ?? '').getTime()).toBeGreaterThanOrEqual(beatAt);
      expect(await storedAlertKeys(suite.t, integration.id)).toEqual(new Map());
    });

    it('is refused 401 without a key or with an unknown one, like a push, and logged when the key is known', async () => {
      const integration = await watched();
      const keyless = await suite.t.http.get('/webhooks/prometheus/heartbeat');
      expect(keyless.status).toBe(401);
      const unknown = await suite.t.http
        .get('/webhooks/prometheus/heartbeat')
        .query({ integration_key: 'not-a-key' });
      expect(unknown.status).toBe(401);
      expect(unknown.body.error.code).toBe('Unauthorized');
      const wrongPlugin = await suite.t.http
        .get('/webhooks/grafana/heartbeat')
        .query({ integration_key: integration.integrationKey });
      expect(wrongPlugin.status).toBe(409);
      expect(wrongPlugin.body.error.code).toBe('PluginMismatch');
      const noPlugin = await suite.t.http
        .get('/webhooks/no-such-plugin/heartbeat')
        .query({ integration_key: integration.integrationKey });
      expect(noPlugin.status).toBe(404);

      expect((await ping(suite.t, integration)).status).toBe(200);
      const logged = await suite.t.admin.get(`/api/v1/integrations/${integration.id}/pushes`);
      const outcomes = (
        logged.body.data as Array<{ httpStatus: number; counts: { beats: number } | null }>
      ).map(({ httpStatus, counts }) => ({ httpStatus, beats: counts?.beats ?? null }));
      expect(outcomes).toEqual([
        { httpStatus: 200, beats: 1 },
        { httpStatus: 404, beats: null },
        { httpStatus: 409, beats: null },
      ]);
    });

    it('is refused 409 by an integration whose heartbeat takes no pings, and 403 by a disabled one', async () => {
      const byPush = await watched({ intervalSeconds: 300, source: 'push' });
      const none = await createIntegration(suite.t, { channelId });
      const off = await watched({ ...PING_HEARTBEAT, enabled: false });
      for (const integration of [byPush, none, off]) {
        const response = await ping(suite.t, integration);
        expect(response.status).toBe(409);
        expect(response.body.error.code).toBe('NoPingHeartbeat');
      }
      const disabled = await watched();
      await suite.t.admin.patch(`/api/v1/integrations/${disabled.id}`).send({ enabled: false });
      expect((await ping(suite.t, disabled)).status).toBe(403);
      // The push URL is still the push URL: the heartbeat path shadows nothing.
      const pushed = await push(suite.t, byPush, alertmanagerPush({ fingerprint: 'not-a-ping' }));
      expect(pushed.status).toBe(200);
      expect(pushed.body.data).toMatchObject({ stored: 1, beats: 1 });
    });
  });

  describe('expiry', () => {
    it('opens exactly one Critical alert in the channel, which the next beat resolves', async () => {
      const integration = await watched(PING_HEARTBEAT, { name: 'nightly backup' });
      expect((await ping(suite.t, integration)).status).toBe(200);
      expect(await sweptOpened()).toBe(0);
      expect(await heartbeatAlerts(suite.t, integration.id)).toEqual([]);

      await age(integration);
      const { lastBeatAt, dueAt } =
        (await integrationSeen(suite.t, integration.id)).heartbeat ?? {};
      expect(await sweptOpened()).toBe(1);
      expect(await sweptOpened()).toBe(0);
      const [opened, ...others] = await heartbeatAlerts(suite.t, integration.id);
      expect(others).toEqual([]);
      expect(opened).toMatchObject({
        channelId,
        alertKey: `heartbeat:${integration.id}`,
        status: 'active',
        severity: 'Critical',
        title: 'Heartbeat missed: nightly backup',
        startsAt: dueAt,
        eventCount: 1,
      });
      expect((await integrationSeen(suite.t, integration.id)).heartbeat?.status).toBe('missed');
      const [event] = (
        await suite.t.admin.get('/api/v1/events').query({ integrationId: integration.id })
      ).body.data as Array<{ id: number; channelId: string; labels: Record<string, string> }>;
      expect(event?.channelId).toBe(channelId);
      expect(event?.labels).toEqual({
        alertname: 'HeartbeatMissed',
        integration: 'nightly backup',
        integration_id: integration.id,
      });
      const detail = await suite.t.admin.get(`/api/v1/events/${event?.id}`);
      expect(detail.body.data.raw).toEqual({
        heartbeat: {
          state: 'missed',
          lastBeatAt,
          integrationId: integration.id,
          integrationName: 'nightly backup',
          pluginId: 'prometheus',
          source: 'ping',
          intervalSeconds: 300,
          graceSeconds: 60,
          missedAt: dueAt,
        },
      });

      const beat = await ping(suite.t, integration);
      expect(beat.status).toBe(200);
      const [resolved] = await heartbeatAlerts(suite.t, integration.id);
      const after = (await integrationSeen(suite.t, integration.id)).heartbeat;
      expect(resolved).toMatchObject({
        id: opened?.id,
        status: 'resolved',
        resolvedAt: after?.lastBeatAt,
        eventCount: 2,
      });
      expect(after?.status).toBe('ok');
      expect(await sweptOpened()).toBe(0);
      expect((await ping(suite.t, integration)).status).toBe(200);
      expect((await heartbeatAlerts(suite.t, integration.id)).length).toBe(1);
    });

    it("goes where a shared integration's routing rules send it; a push of source push resolves it", async () => {
      const teamChannel = await createChannel(suite.t);
      const shared = await createSharedIntegration(suite.t);
      await putRoutes(suite.t, shared.id, {
        rules: [
          {
            name: 'heartbeats to the team',
            conditions: [
              { field: 'labels.alertname', operator: 'equals', value: 'HeartbeatMissed' },
            ],
            channelIds: [teamChannel],
          },
        ],
        defaultChannelIds: [channelId],
      });
      const url = `/api/v1/integrations/${shared.id}`;
      const set = await suite.t.admin
        .patch(url)
        .send({ heartbeat: { intervalSeconds: 60, graceSeconds: 0, source: 'push' } });
      expect(set.status).toBe(200);
      await age(shared, 61);
      expect(await sweptOpened()).toBe(1);
      const [opened] = await heartbeatAlerts(suite.t, shared.id);
      expect(opened).toMatchObject({ channelId: teamChannel, status: 'active' });

      const pushed = await push(suite.t, shared, alertmanagerPush({ fingerprint: 'back-again' }));
      expect(pushed.body.data).toMatchObject({ events: 1, stored: 1, beats: 1 });
      const [resolved] = await heartbeatAlerts(suite.t, shared.id);
      expect(resolved).toMatchObject({ id: opened?.id, status: 'resolved' });
      const keys = await storedAlertKeys(suite.t, shared.id);
      expect(keys).toEqual(
        new Map([
          [`heartbeat:${shared.id}`, 2],
          ['back-again', 1],
        ]),
      );
    });

    it('is disarmed by disabling the integration, switching the heartbeat off or deleting it', async () => {
      const disabled = await watched();
      const switchedOff = await watched();
      const deleted = await watched();
      const url = (integration: IntegrationWithHeartbeat) =>
        `/api/v1/integrations/${integration.id}`;
      await suite.t.admin.patch(url(disabled)).send({ enabled: false });
      await suite.t.admin
        .patch(url(switchedOff))
        .send({ heartbeat: { ...PING_HEARTBEAT, enabled: false } });
      expect((await suite.t.admin.delete(url(deleted))).status).toBe(204);
      for (const integration of [disabled, switchedOff]) await age(integration, 100_000);

      await sweep();
      for (const integration of [disabled, switchedOff, deleted]) {
        expect(await heartbeatAlerts(suite.t, integration.id)).toEqual([]);
      }
      expect((await integrationSeen(suite.t, disabled.id)).heartbeat?.status).toBe('off');
      expect((await integrationSeen(suite.t, switchedOff.id)).heartbeat).toMatchObject({
        status: 'off',
        dueAt: null,
      });

      // Enabled again, the integration is watched from then: the time it was off is no silence.
      const before = Date.now();
      const enabled = await suite.t.admin.patch(url(disabled)).send({ enabled: true });
      expect(new Date(enabled.body.data.heartbeat.dueAt).getTime()).toBeGreaterThanOrEqual(
        before + 360_000,
      );
      await sweep();
      expect(await heartbeatAlerts(suite.t, disabled.id)).toEqual([]);
    });

    it('resolves the open alert of a heartbeat switched off or removed', async () => {
      const integration = await watched();
      await age(integration);
      expect(await sweptOpened()).toBe(1);
      const removed = await suite.t.admin
        .patch(`/api/v1/integrations/${integration.id}`)
        .send({ heartbeat: null });
      expect(removed.status).toBe(200);
      const result = await sweep();
      expect(result).toMatchObject({ opened: 0, resolved: 1 });
      const [alert] = await heartbeatAlerts(suite.t, integration.id);
      expect(alert).toMatchObject({ status: 'resolved', resolvedAt: result.now.toISOString() });
      expect((await sweep()).resolved).toBe(0);
    });
  });

  describe('events as beats', () => {
    const watchdogPush = (...names: string[]) =>
      alertmanagerPush(
        ...names.map((alertname) => ({
          labels: { alertname, severity: 'none' },
          fingerprint: `fp-${alertname}`,
        })),
      );

    it('count a Watchdog as a beat and store nothing of it; other events are stored', async () => {
      const integration = await watched({
        intervalSeconds: 300,
        source: 'events',
        conditions: [WATCHDOG],
      });
      const beat = await push(suite.t, integration, watchdogPush('Watchdog'));
      expect(beat.status).toBe(200);
      expect(beat.body.data).toEqual({
        events: 1,
        stored: 0,
        deduplicated: 0,
        unrouted: 0,
        beats: 1,
      });
      expect(await storedAlertKeys(suite.t, integration.id)).toEqual(new Map());
      const seen = await integrationSeen(suite.t, integration.id);
      expect(seen.heartbeat?.status).toBe('ok');

      const mixed = await push(suite.t, integration, watchdogPush('Watchdog', 'DiskFull'));
      expect(mixed.body.data).toEqual({
        events: 2,
        stored: 1,
        deduplicated: 0,
        unrouted: 0,
        beats: 1,
      });
      expect(await storedAlertKeys(suite.t, integration.id)).toEqual(new Map([['fp-DiskFull', 1]]));
      const logged = await suite.t.admin.get(`/api/v1/integrations/${integration.id}/pushes`);
      expect(logged.body.data.map((entry: { counts: object }) => entry.counts)).toEqual([
        { events: 2, stored: 1, deduplicated: 0, unrouted: 0, beats: 1 },
        { events: 1, stored: 0, deduplicated: 0, unrouted: 0, beats: 1 },
      ]);

      const other = await push(suite.t, integration, watchdogPush('DiskFull'));
      expect(other.body.data).toMatchObject({ beats: 0, deduplicated: 1 });
      await age(integration);
      expect(await sweptOpened()).toBe(1);
      await push(suite.t, integration, watchdogPush('Watchdog'));
      const [alert] = await heartbeatAlerts(suite.t, integration.id);
      expect(alert?.status).toBe('resolved');
    });

    it('of a shared integration without routes are accepted: they need none', async () => {
      const shared = await createSharedIntegration(suite.t);
      await suite.t.admin.patch(`/api/v1/integrations/${shared.id}`).send({
        heartbeat: { intervalSeconds: 300, source: 'events', conditions: [WATCHDOG] },
      });
      expect((await push(suite.t, shared, watchdogPush('Watchdog'))).body.data.beats).toBe(1);
      expect((await push(suite.t, shared, watchdogPush('DiskFull'))).status).toBe(422);
    });

    it('are stored like any event while the heartbeat is switched off', async () => {
      const integration = await watched({
        intervalSeconds: 300,
        source: 'events',
        conditions: [WATCHDOG],
        enabled: false,
      });
      const pushed = await push(suite.t, integration, watchdogPush('Watchdog'));
      expect(pushed.body.data).toMatchObject({ stored: 1, beats: 0 });
      expect((await integrationSeen(suite.t, integration.id)).heartbeat?.lastBeatAt).toBeNull();
    });
  });

  describe('metrics', () => {
    it("show each integration's latest event and latest beat, by integration id and plugin", async () => {
      const integration = await watched({ intervalSeconds: 300, source: 'push' });
      const silent = await watched();
      const pushed = await push(suite.t, integration, alertmanagerPush({ fingerprint: 'metered' }));
      expect(pushed.status).toBe(200);
      const seen = await integrationSeen(suite.t, integration.id);
      const scraped = await suite.t.http.get('/metrics');
      expect(scraped.status).toBe(200);
      const samples = parseSamples(scraped.text);
      const labels = { integration_id: integration.id, plugin: 'prometheus' };
      const seconds = (time: string | null | undefined) => new Date(time ?? '').getTime() / 1000;
      expect(
        sampleValue(samples, 'alert_hub_integration_last_event_timestamp_seconds', labels),
      ).toBe(seconds(seen.latestEventAt));
      expect(
        sampleValue(samples, 'alert_hub_integration_last_beat_timestamp_seconds', labels),
      ).toBe(seconds(seen.heartbeat?.lastBeatAt));
      const silentLabels = { integration_id: silent.id, plugin: 'prometheus' };
      for (const name of [
        'alert_hub_integration_last_event_timestamp_seconds',
        'alert_hub_integration_last_beat_timestamp_seconds',
      ]) {
        expect(sampleValue(samples, name, silentLabels)).toBeUndefined();
      }
    });
  });

  describe('state in the database', () => {
    it('survives a restart: a server started afresh on the database opens the alert of a beat another one took', async () => {
      const integration = await watched();
      const beaten = await startTestApp({ ...NO_SCHEDULED_SWEEP, database: suite.t.database });
      expect((await ping(beaten, integration)).status).toBe(200);
      await beaten.close();
      await age(integration);
      const restarted = await startTestApp({ ...NO_SCHEDULED_SWEEP, database: suite.t.database });
      try {
        expect((await restarted.app.get(HeartbeatExpiry).sweep()).opened).toBe(1);
        expect((await ping(restarted, integration)).status).toBe(200);
      } finally {
        await restarted.close();
      }
      const alerts = await heartbeatAlerts(suite.t, integration.id);
      expect(alerts.map(({ status }) => status)).toEqual(['resolved']);
    });

    it('takes again a miss that a sweep claimed and never finished, and only after a while', async () => {
      const integration = await watched();
      await age(integration);
      const integrations = dataSource().getRepository(Integration);
      const { heartbeatDueAt } = await integrations.findOneByOrFail({ id: integration.id });
      // What a process that died between claiming the miss and opening its alert leaves.
      await integrations.update(integration.id, {
        heartbeatMissedAt: heartbeatDueAt,
        heartbeatClaimedAt: new Date(),
      });
      expect(await sweptOpened()).toBe(0);
      expect(await heartbeatAlerts(suite.t, integration.id)).toEqual([]);

      await age(integration, 121);
      expect(await sweptOpened()).toBe(1);
      const [alert] = await heartbeatAlerts(suite.t, integration.id);
      expect(alert).toMatchObject({ status: 'active', eventCount: 1 });
      expect(await sweptOpened()).toBe(0);
    });

    it('is opened once when another server sweeps the same database at once', async () => {
      const integrations = await Promise.all(Array.from({ length: 10 }, () => watched()));
      for (const integration of integrations) await age(integration);
      const peer = await startTestApp({ ...NO_SCHEDULED_SWEEP, database: suite.t.database });
      try {
        const [mine, theirs] = await Promise.all([sweep(), peer.app.get(HeartbeatExpiry).sweep()]);
        expect(mine.opened + theirs.opened).toBe(integrations.length);
      } finally {
        await peer.close();
      }
      for (const integration of integrations) {
        const alerts = await heartbeatAlerts(suite.t, integration.id);
        expect(
          alerts.map(({ status, eventCount, repeatCount }) => ({
            status,
            eventCount,
            repeatCount,
          })),
        ).toEqual([{ status: 'active', eventCount: 1, repeatCount: 0 }]);
      }
    });
  });
});
