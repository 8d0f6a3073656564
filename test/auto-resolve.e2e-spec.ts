import { beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import systemEvent from '../plugins/aliyun-cloudmonitor/fixtures/event-ecs-statechange.json' with { type: 'json' };
import { AlertAutoResolve } from '../libs/core/src/auto-resolve/alert-auto-resolve.service.js';
import { AlertEvent } from '../libs/core/src/events/alert-event.entity.js';
import { Alert } from '../libs/core/src/events/alert.entity.js';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import { push, type CreatedIntegration } from './support/admin-fixtures.js';
import { appWithIntegration } from './support/app-with-integration.js';
import { startTestApp } from './support/test-app.js';

interface AlertSeen {
  id: number;
  status: 'active' | 'resolved';
  severity: string;
  resolvedAt: string | null;
  lastSeenAt: string;
  repeatCount: number;
  autoResolveAt: string | null;
}

const TIMEOUT_SECONDS = 60;

/** The CloudMonitor system event of the plugin's fixture, about another resource. */
function systemEventOn(resource: string) {
  return {
    ...systemEvent,
    resourceId: `acs:ecs:cn-hangzhou:1690700000000030:instance/${resource}`,
  };
}

function alertKeyOf(resource: string): string {
  return `ECS|Instance:StateChange|${systemEventOn(resource).resourceId}`;
}

const plus = (time: string, seconds: number) =>
  new Date(new Date(time).getTime() + seconds * 1000).toISOString();

describe('alerts of events that never resolve', () => {
  const suite = appWithIntegration();
  let aliyun: CreatedIntegration;

  beforeAll(async () => {
    const response = await suite.t.admin.post('/api/v1/integrations').send({
      name: 'CloudMonitor events',
      pluginId: 'aliyun-cloudmonitor',
      type: 'private',
      channelId: suite.integration.channelId,
      autoResolveAfterSeconds: TIMEOUT_SECONDS,
    });
    expect(response.status).toBe(201);
    aliyun = response.body.data as CreatedIntegration;
  });

  async function pushedEvent(resource: string) {
    const response = await push(suite.t, aliyun, systemEventOn(resource));
    expect(response.status).toBe(200);
    return response.body.data as { stored: number; deduplicated: number };
  }

  /** The alerts of a key, newest first. */
  async function alertsOf(alertKey: string): Promise<AlertSeen[]> {
    const response = await suite.t.admin.get('/api/v1/alerts').query({ alertKey });
    expect(response.status).toBe(200);
    return response.body.data as AlertSeen[];
  }

  /** Moves every time Alert Hub keeps of the key `seconds` into the past, as if received then. */
  async function age(alertKey: string, seconds: number): Promise<void> {
    const dataSource = suite.t.app.get(DataSource);
    const earlier = (date: Date) => new Date(date.getTime() - seconds * 1000);
    const alerts = dataSource.getRepository(Alert);
    for (const alert of await alerts.findBy({ alertKey })) {
      await alerts.update(alert.id, {
        createdAt: earlier(alert.createdAt),
        updatedAt: earlier(alert.updatedAt),
        lastSeenAt: earlier(alert.lastSeenAt),
        autoResolveAt: alert.autoResolveAt && earlier(alert.autoResolveAt),
      });
    }
    const events = dataSource.getRepository(AlertEvent);
    for (const event of await events.findBy({ alertKey })) {
      await events.update(event.id, { receivedAt: earlier(event.receivedAt) });
    }
  }

  const sweep = () => suite.t.app.get(AlertAutoResolve).resolveExpired();

  it('opens an Info alert due a time-out after reception; a repeat moves it; the sweep resolves it then', async () => {
    const alertKey = alertKeyOf('i-sweep');
    expect(await pushedEvent('i-sweep')).toMatchObject({ stored: 1, deduplicated: 0 });
    const [opened] = await alertsOf(alertKey);
    const events = await suite.t.admin.get('/api/v1/events').query({ alertKey });
    const [{ receivedAt }] = events.body.data as Array<{ receivedAt: string }>;
    // Received now, not at the event's own time (2018).
    expect(opened).toMatchObject({
      status: 'active',
      severity: 'Info',
      autoResolveAt: plus(receivedAt, TIMEOUT_SECONDS),
    });

    await age(alertKey, 30);
    const [aged] = await alertsOf(alertKey);
    expect(await pushedEvent('i-sweep')).toMatchObject({ stored: 0, deduplicated: 1 });
    const [repeated] = await alertsOf(alertKey);
    expect(repeated).toMatchObject({
      id: opened?.id,
      status: 'active',
      repeatCount: 1,
      autoResolveAt: plus(repeated?.lastSeenAt ?? '', TIMEOUT_SECONDS),
    });
    expect(new Date(repeated?.autoResolveAt ?? '') > new Date(aged?.autoResolveAt ?? '')).toBe(
      true,
    );

    await age(alertKey, TIMEOUT_SECONDS + 1);
    expect((await sweep()).alerts).toBeGreaterThanOrEqual(1);
    const [swept] = await alertsOf(alertKey);
    expect(swept).toMatchObject({ id: opened?.id, status: 'resolved' });
    expect(swept?.resolvedAt).toBe(swept?.autoResolveAt);
    expect(await sweep()).toMatchObject({ alerts: 0 });

    expect(await pushedEvent('i-sweep')).toMatchObject({ stored: 1, deduplicated: 0 });
    const [next, closed] = await alertsOf(alertKey);
    expect(closed).toEqual(swept);
    expect(next).toMatchObject({ status: 'active', severity: 'Info', repeatCount: 0 });
    expect(next?.autoResolveAt).toBe(plus(next?.lastSeenAt ?? '', TIMEOUT_SECONDS));
  });

  it('resolves an alert past its time when its next event comes, whether the sweep ran or not', async () => {
    const alertKey = alertKeyOf('i-push');
    await pushedEvent('i-push');
    await age(alertKey, TIMEOUT_SECONDS + 5);
    const [due] = await alertsOf(alertKey);
    expect(due?.status).toBe('active');

    expect(await pushedEvent('i-push')).toMatchObject({ stored: 1, deduplicated: 0 });
    const [next, closed] = await alertsOf(alertKey);
    expect(closed).toMatchObject({
      id: due?.id,
      status: 'resolved',
      resolvedAt: due?.autoResolveAt,
      autoResolveAt: due?.autoResolveAt,
    });
    expect(next).toMatchObject({ status: 'active' });
    expect(next?.id).not.toBe(due?.id);
  });

  it('leaves every other alert alone', async () => {
    const alertKey = 'never-auto-resolved';
    const firing = alertmanagerPush({ fingerprint: alertKey });
    expect((await push(suite.t, suite.integration, firing)).status).toBe(200);
    await age(alertKey, 30 * 86_400);
    expect((await push(suite.t, suite.integration, firing)).body.data).toMatchObject({
      deduplicated: 1,
    });
    await sweep();
    const [alert] = await alertsOf(alertKey);
    expect(alert).toMatchObject({ status: 'active', autoResolveAt: null, repeatCount: 1 });
  });

  it('takes autoResolveAfterSeconds at creation and in a PATCH, from a minute to 30 days', async () => {
    const url = `/api/v1/integrations/${suite.integration.id}`;
    expect((await suite.t.admin.get(url)).body.data.autoResolveAfterSeconds).toBe(3600);
    for (const autoResolveAfterSeconds of [30, 'x', 2_592_001, 90.5, null]) {
      const response = await suite.t.admin.patch(url).send({ autoResolveAfterSeconds });
      expect({ autoResolveAfterSeconds, status: response.status }).toEqual({
        autoResolveAfterSeconds,
        status: 400,
      });
      expect(response.body.error.code).toBe('InvalidParameter');
      expect((response.body.error.details as string[]).join('; ')).toContain(
        'autoResolveAfterSeconds',
      );
    }
    const created = await suite.t.admin.post('/api/v1/integrations').send({
      name: 'too short',
      pluginId: 'aliyun-cloudmonitor',
      type: 'private',
      channelId: suite.integration.channelId,
      autoResolveAfterSeconds: 59,
    });
    expect(created.status).toBe(400);
    expect(created.body.error.details.join('; ')).toContain('autoResolveAfterSeconds');

    const changed = await suite.t.admin.patch(url).send({ autoResolveAfterSeconds: 2_592_000 });
    expect(changed.status).toBe(200);
    expect((await suite.t.admin.get(url)).body.data.autoResolveAfterSeconds).toBe(2_592_000);
    const renamed = await suite.t.admin.patch(url).send({ name: 'renamed' });
    expect(renamed.body.data.autoResolveAfterSeconds).toBe(2_592_000);
  });

  it('is resolved once when another server process sweeps the same database at once', async () => {
    const resources = Array.from({ length: 20 }, (_, index) => `i-replica-${index}`);
    for (const resource of resources) await pushedEvent(resource);
    for (const resource of resources) await age(alertKeyOf(resource), TIMEOUT_SECONDS + 1);
    const activeAlerts = () =>
      suite.t.app.get(DataSource).getRepository(Alert).countBy({ status: 'active' });
    const peer = await startTestApp({ database: suite.t.database });
    try {
      const activeBefore = await activeAlerts();
      const [mine, theirs] = await Promise.all([
        sweep(),
        peer.app.get(AlertAutoResolve).resolveExpired(),
      ]);
      // Alerts of the earlier tests may have come due meanwhile: they count, once, too.
      expect(mine.alerts + theirs.alerts).toBe(activeBefore - (await activeAlerts()));
      expect(mine.alerts + theirs.alerts).toBeGreaterThanOrEqual(resources.length);
    } finally {
      await peer.close();
    }
    for (const resource of resources) {
      const alerts = await alertsOf(alertKeyOf(resource));
      expect(alerts.map(({ status }) => status)).toEqual(['resolved']);
      expect(alerts[0]?.resolvedAt).toBe(alerts[0]?.autoResolveAt);
    }
  });
});
