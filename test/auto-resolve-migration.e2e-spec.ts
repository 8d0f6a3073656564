import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { databaseFromUrl } from '../apps/server/src/config/database-url.js';
import { AlertAutoResolve } from '../libs/core/src/auto-resolve/alert-auto-resolve.service.js';
import { Channel } from '../libs/core/src/channels/channel.entity.js';
import { CORE_ENTITIES } from '../libs/core/src/core-entities.js';
import { dataSourceOptions } from '../libs/core/src/database/data-source-options.js';
import { MIGRATIONS } from '../libs/core/src/database/migrations/index.js';
import { AutoResolve1764900000000 } from '../libs/core/src/database/migrations/1764900000000-auto-resolve.js';
import { Alert, type AlertStatus } from '../libs/core/src/events/alert.entity.js';
import {
  integrationKeyHash,
  newIntegrationKey,
} from '../libs/core/src/integrations/integration-key.js';
import { Integration } from '../libs/core/src/integrations/integration.entity.js';
import { insertAtSchema } from './support/previous-schema.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const HOUR_MS = 3_600_000;

describe('alerts stored before alerts of one-off events resolved by themselves', () => {
  let database: TestDatabase;
  let t: TestApp;
  const channelId = randomUUID();
  const integrationId = randomUUID();
  const now = Date.now();
  const seenAt = {
    stale: new Date(now - 2 * HOUR_MS),
    recent: new Date(now - HOUR_MS / 6),
    resolved: new Date(now - 2 * HOUR_MS),
    condition: new Date(now - 2 * HOUR_MS),
  };

  /** The schema as it was before this change: one-off alerts, stale and recent, and a condition. */
  async function storeAtPreviousSchema(): Promise<void> {
    const previous = new DataSource({
      ...dataSourceOptions(databaseFromUrl(database.url, database.dataDir), CORE_ENTITIES),
      migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(AutoResolve1764900000000)),
    });
    await previous.initialize();
    try {
      await previous.runMigrations();
      const created = new Date(now - 3 * HOUR_MS);
      await insertAtSchema(previous, Channel, {
        id: channelId,
        name: 'migrated team',
        description: '',
        createdAt: created,
        updatedAt: created,
      });
      const integrationKey = newIntegrationKey();
      await insertAtSchema(previous, Integration, {
        id: integrationId,
        name: 'CloudMonitor before the upgrade',
        description: '',
        pluginId: 'aliyun-cloudmonitor',
        type: 'private',
        channelId,
        routes: null,
        routesVersion: 0,
        settings: {},
        integrationKey,
        integrationKeyHash: integrationKeyHash(integrationKey),
        enabled: true,
        latestEventAt: null,
        createdAt: created,
        updatedAt: created,
      });
      const alertOf = (alertKey: keyof typeof seenAt, status: AlertStatus, oneOff: boolean) =>
        insertAtSchema(previous, Alert, {
          channelId,
          alertKey,
          integrationId,
          pluginId: 'aliyun-cloudmonitor',
          status,
          severity: 'Info',
          title: alertKey,
          description: null,
          labels: oneOff ? { eventName: 'Instance:StateChange', resolves: 'never' } : {},
          startsAt: null,
          resolvedAt: status === 'resolved' ? seenAt[alertKey] : null,
          lastEventAt: seenAt[alertKey],
          lastSeenAt: seenAt[alertKey],
          eventCount: 1,
          repeatCount: 0,
          lastEventSignature: `${status === 'resolved' ? 'resolved' : 'firing'}|Info||`,
          createdAt: created,
          updatedAt: seenAt[alertKey],
        });
      await alertOf('stale', 'active', true);
      await alertOf('recent', 'active', true);
      await alertOf('resolved', 'resolved', true);
      await alertOf('condition', 'active', false);
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

  async function alerts() {
    const response = await t.admin.get('/api/v1/alerts').query({ integrationId });
    const rows = response.body.data as Array<{
      alertKey: string;
      status: string;
      resolvedAt: string | null;
      autoResolveAt: string | null;
    }>;
    return Object.fromEntries(
      rows.map(({ alertKey, status, resolvedAt, autoResolveAt }) => [
        alertKey,
        { status, resolvedAt, autoResolveAt },
      ]),
    );
  }

  const hourAfter = (date: Date) => new Date(date.getTime() + HOUR_MS).toISOString();

  it('gives each integration an hour, and active one-off alerts an hour after they were last seen', async () => {
    const integration = await t.admin.get(`/api/v1/integrations/${integrationId}`);
    expect(integration.body.data.autoResolveAfterSeconds).toBe(3600);
    expect(await alerts()).toEqual({
      stale: { status: 'active', resolvedAt: null, autoResolveAt: hourAfter(seenAt.stale) },
      recent: { status: 'active', resolvedAt: null, autoResolveAt: hourAfter(seenAt.recent) },
      resolved: {
        status: 'resolved',
        resolvedAt: seenAt.resolved.toISOString(),
        autoResolveAt: null,
      },
      condition: { status: 'active', resolvedAt: null, autoResolveAt: null },
    });
  });

  it('lets the first sweep close those last seen more than an hour ago, at that hour', async () => {
    await t.app.get(AlertAutoResolve).resolveExpired();
    const after = await alerts();
    expect(after.stale).toEqual({
      status: 'resolved',
      resolvedAt: hourAfter(seenAt.stale),
      autoResolveAt: hourAfter(seenAt.stale),
    });
    expect(after.recent?.status).toBe('active');
    expect(after.condition).toEqual({ status: 'active', resolvedAt: null, autoResolveAt: null });
  });
});
