import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { databaseFromUrl } from '../apps/server/src/config/database-url.js';
import { Channel } from '../libs/core/src/channels/channel.entity.js';
import { CORE_ENTITIES } from '../libs/core/src/core-entities.js';
import { dataSourceOptions } from '../libs/core/src/database/data-source-options.js';
import { MIGRATIONS } from '../libs/core/src/database/migrations/index.js';
import { RetentionIndexByCreation1764600000000 } from '../libs/core/src/database/migrations/1764600000000-retention-index-by-creation.js';
import { Alert } from '../libs/core/src/events/alert.entity.js';
import {
  integrationKeyHash,
  newIntegrationKey,
} from '../libs/core/src/integrations/integration-key.js';
import { Integration } from '../libs/core/src/integrations/integration.entity.js';
import { alertmanagerPush, type TestAlert } from './support/alertmanager-payload.js';
import {
  createChannel,
  createPrivateIntegration,
  createSharedIntegration,
  push,
  putRoutes,
  type CreatedIntegration,
} from './support/admin-fixtures.js';
import { insertAtSchema } from './support/previous-schema.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

interface AlertSeen {
  id: number;
  integrationId: string;
  status: 'active' | 'resolved';
  startsAt: string | null;
  resolvedAt: string | null;
  eventCount: number;
  repeatCount: number;
}

describe('deduplication and alert identity', () => {
  let t: TestApp;
  let channelId: string;
  let integration: CreatedIntegration;

  beforeAll(async () => {
    t = await startTestApp();
    channelId = await createChannel(t);
    integration = await createPrivateIntegration(t, channelId);
  });
  afterAll(() => t.close());

  async function pushed(to: CreatedIntegration, ...alerts: TestAlert[]) {
    const response = await push(t, to, alertmanagerPush(...alerts));
    expect(response.status).toBe(200);
    return response.body.data as { stored: number; deduplicated: number; unrouted: number };
  }

  async function alertsOf(alertKey: string): Promise<AlertSeen[]> {
    const response = await t.admin.get('/api/v1/alerts').query({ alertKey });
    return response.body.data as AlertSeen[];
  }

  async function eventCount(alertKey: string): Promise<number> {
    const response = await t.admin.get('/api/v1/events').query({ alertKey });
    return (response.body.data as unknown[]).length;
  }

  describe('a resolution of an alert Alert Hub never saw firing', () => {
    it('is stored once; the same resolution sent again is deduplicated', async () => {
      const resolution: TestAlert = {
        fingerprint: 'resolved-only-1',
        status: 'resolved',
        startsAt: '2026-11-05T08:00:00Z',
        endsAt: '2026-11-05T08:20:00Z',
      };
      const answers = [
        await pushed(integration, resolution),
        await pushed(integration, resolution),
        await pushed(integration, resolution),
      ];
      expect(answers.map(({ stored, deduplicated }) => ({ stored, deduplicated }))).toEqual([
        { stored: 1, deduplicated: 0 },
        { stored: 0, deduplicated: 1 },
        { stored: 0, deduplicated: 1 },
      ]);
      expect(await eventCount('resolved-only-1')).toBe(1);
      expect(await alertsOf('resolved-only-1')).toEqual([
        expect.objectContaining({
          status: 'resolved',
          startsAt: '2026-11-05T08:00:00.000Z',
          resolvedAt: '2026-11-05T08:20:00.000Z',
          eventCount: 1,
          repeatCount: 2,
        }),
      ]);
    });

    it('is stored once when a group re-sends it beside a firing alert', async () => {
      const group: TestAlert[] = [
        { fingerprint: 'group-firing' },
        { fingerprint: 'group-resolved', status: 'resolved' },
      ];
      expect(await pushed(integration, ...group)).toMatchObject({ stored: 2, deduplicated: 0 });
      expect(await pushed(integration, ...group)).toMatchObject({ stored: 0, deduplicated: 2 });
      expect(await pushed(integration, ...group)).toMatchObject({ stored: 0, deduplicated: 2 });
      expect(await eventCount('group-resolved')).toBe(1);
    });

    it('does not keep a later occurrence from opening an active alert', async () => {
      await pushed(integration, { fingerprint: 'resolved-then-new', status: 'resolved' });
      await pushed(integration, {
        fingerprint: 'resolved-then-new',
        startsAt: '2026-11-06T08:00:00Z',
      });
      const alerts = await alertsOf('resolved-then-new');
      expect(alerts.map((alert) => alert.status)).toEqual(['active', 'resolved']);
    });
  });

  describe('an alert belongs to the integration that opened it', () => {
    it('cannot be resolved by another integration sending its key into the same channel', async () => {
      const intruder = await createPrivateIntegration(t, channelId);
      const fingerprint = 'owned-1';
      await pushed(integration, { fingerprint });
      expect(await pushed(intruder, { fingerprint, status: 'resolved' })).toMatchObject({
        stored: 1,
        deduplicated: 0,
      });

      const alerts = await alertsOf(fingerprint);
      expect(alerts).toHaveLength(2);
      const own = alerts.find((alert) => alert.integrationId === integration.id);
      const theirs = alerts.find((alert) => alert.integrationId === intruder.id);
      expect(own).toMatchObject({ status: 'active', eventCount: 1 });
      expect(theirs).toMatchObject({ status: 'resolved', eventCount: 1 });

      // The owner still resolves its own alert.
      await pushed(integration, { fingerprint, status: 'resolved' });
      const after = await t.admin.get(`/api/v1/alerts/${own?.id}`);
      expect(after.body.data).toMatchObject({ status: 'resolved', eventCount: 2 });
    });

    it('keeps two unrelated senders of identical alerts in one channel apart', async () => {
      const other = await createPrivateIntegration(t, channelId);
      const body: TestAlert = { fingerprint: 'same-labels-1' };
      expect(await pushed(integration, body)).toMatchObject({ stored: 1 });
      expect(await pushed(other, body)).toMatchObject({ stored: 1, deduplicated: 0 });
      const alerts = await alertsOf('same-labels-1');
      expect(alerts.map((alert) => alert.integrationId).sort()).toEqual(
        [integration.id, other.id].sort(),
      );
      expect(alerts.every((alert) => alert.status === 'active')).toBe(true);
    });
  });

  it('resolves an active alert and opens its next occurrence in one push', async () => {
    const first = { fingerprint: 'next-in-push', startsAt: '2026-11-01T10:00:00Z' };
    await pushed(integration, { ...first, status: 'firing' });
    const summary = await pushed(
      integration,
      { ...first, status: 'resolved', endsAt: '2026-11-01T11:00:00Z' },
      { fingerprint: 'next-in-push', status: 'firing', startsAt: '2026-11-01T12:00:00Z' },
    );
    expect(summary).toMatchObject({ stored: 2, deduplicated: 0 });
    const alerts = await alertsOf('next-in-push');
    expect(alerts.map((alert) => alert.status).sort()).toEqual(['active', 'resolved']);
  });

  it('stores an unrouted event again at every push: it has no alert to count a repeat on', async () => {
    const shared = await createSharedIntegration(t);
    await putRoutes(t, shared.id, {
      rules: [
        {
          name: 'db only',
          conditions: [{ field: 'labels.team', operator: 'equals', value: 'db' }],
          channelIds: [channelId],
        },
      ],
    });
    const body = alertmanagerPush({ fingerprint: 'unrouted-repeat-1' });
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await push(t, shared, body);
      expect(response.body.data).toEqual({
        events: 1,
        stored: 1,
        deduplicated: 0,
        unrouted: 1,
        beats: 0,
      });
    }
    expect(await eventCount('unrouted-repeat-1')).toBe(2);
  });
});

describe('an alert stored before alerts belonged to their integration', () => {
  const MIGRATED_KEY = 'migrated-1';
  let database: TestDatabase;
  let t: TestApp;
  const channelId = randomUUID();
  const owner = { id: randomUUID(), integrationKey: newIntegrationKey() };
  const peer = { id: randomUUID(), integrationKey: newIntegrationKey() };
  let migratedAlertId: number;

  /** The schema as it was before this change, with an alert folded from two integrations. */
  async function storeAtPreviousSchema(): Promise<void> {
    const previous = new DataSource({
      ...dataSourceOptions(databaseFromUrl(database.url, database.dataDir), CORE_ENTITIES),
      migrations: MIGRATIONS.slice(
        0,
        MIGRATIONS.indexOf(RetentionIndexByCreation1764600000000) + 1,
      ),
    });
    await previous.initialize();
    try {
      await previous.runMigrations();
      const now = new Date();
      await previous.getRepository(Channel).insert({
        id: channelId,
        name: 'migrated team',
        description: '',
        createdAt: now,
        updatedAt: now,
      });
      for (const { id, integrationKey } of [owner, peer]) {
        // Only the columns integrations had at that schema (`settings` came later).
        await insertAtSchema(previous, Integration, {
          id,
          name: `source ${id}`,
          description: '',
          pluginId: 'prometheus',
          type: 'private',
          channelId,
          routes: null,
          routesVersion: 0,
          integrationKey,
          integrationKeyHash: integrationKeyHash(integrationKey),
          enabled: true,
          latestEventAt: null,
          createdAt: now,
          updatedAt: now,
        });
      }
      await insertAtSchema(previous, Alert, {
        channelId,
        alertKey: MIGRATED_KEY,
        integrationId: owner.id,
        pluginId: 'prometheus',
        status: 'active',
        severity: 'Warning',
        title: 'API latency is high',
        description: null,
        labels: { alertname: 'HighLatency' },
        startsAt: new Date('2026-11-01T10:00:00Z'),
        resolvedAt: null,
        lastEventAt: now,
        lastSeenAt: now,
        eventCount: 2,
        repeatCount: 0,
        lastEventSignature: 'stored before the migration',
        createdAt: now,
        updatedAt: now,
      });
      const migrated = await previous
        .getRepository(Alert)
        .findOneOrFail({ select: { id: true }, where: { alertKey: MIGRATED_KEY } });
      migratedAlertId = migrated.id;
    } finally {
      await previous.destroy();
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await storeAtPreviousSchema();
    t = await startTestApp({ database });
  });
  afterAll(async () => {
    await t?.close();
    await database.drop();
  });

  function pushAs(sender: { integrationKey: string }, alert: TestAlert) {
    return t.http
      .post('/webhooks/prometheus')
      .query({ integration_key: sender.integrationKey })
      .send(alertmanagerPush(alert));
  }

  it('stays the alert of the integration that opened it once migrated', async () => {
    const fromPeer = await pushAs(peer, { fingerprint: MIGRATED_KEY });
    expect(fromPeer.status).toBe(200);
    expect(fromPeer.body.data).toMatchObject({ stored: 1, deduplicated: 0 });

    const fromOwner = await pushAs(owner, { fingerprint: MIGRATED_KEY, status: 'resolved' });
    expect(fromOwner.status).toBe(200);

    const alerts = await t.admin.get('/api/v1/alerts').query({ alertKey: MIGRATED_KEY });
    const byIntegration = Object.fromEntries(
      (alerts.body.data as Array<{ id: number; integrationId: string; status: string }>).map(
        (alert) => [alert.integrationId, { id: alert.id, status: alert.status }],
      ),
    );
    expect(byIntegration).toEqual({
      [owner.id]: { id: migratedAlertId, status: 'resolved' },
      [peer.id]: { id: expect.any(Number), status: 'active' },
    });
  });
});
