import { describe, expect, it } from '@jest/globals';
import { DataSource, Like } from 'typeorm';
import { AlertEvent } from '../libs/core/src/events/alert-event.entity.js';
import { Alert } from '../libs/core/src/events/alert.entity.js';
import {
  EventRetention,
  PURGE_BATCH_SIZE,
} from '../libs/core/src/retention/event-retention.service.js';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import { push } from './support/admin-fixtures.js';
import { appWithIntegration } from './support/app-with-integration.js';
import { startTestApp } from './support/test-app.js';

const DAY_MS = 86_400_000;

describe('event retention', () => {
  const suite = appWithIntegration({ env: { EVENT_RETENTION_DAYS: '30' } });

  async function pushed(...alerts: Parameters<typeof alertmanagerPush>) {
    const response = await push(suite.t, suite.integration, alertmanagerPush(...alerts));
    expect(response.status).toBe(200);
  }

  /** Moves what the database knows of these keys `days` into the past, as if received then. */
  async function age(days: number, alertKeys: string[], onlyStatus?: 'firing' | 'resolved') {
    const then = new Date(Date.now() - days * DAY_MS);
    const dataSource = suite.t.app.get(DataSource);
    const events = dataSource
      .createQueryBuilder()
      .update(AlertEvent)
      .set({ receivedAt: then })
      .where('alert_key IN (:...alertKeys)', { alertKeys });
    if (onlyStatus) events.andWhere('status = :onlyStatus', { onlyStatus });
    await events.execute();
    if (onlyStatus) return;
    await dataSource
      .createQueryBuilder()
      .update(Alert)
      .set({ createdAt: then, lastSeenAt: then })
      .where('alert_key IN (:...alertKeys)', { alertKeys })
      .execute();
  }

  async function remaining(alertKey: string) {
    const events = await suite.t.admin.get('/api/v1/events').query({ alertKey });
    const alerts = await suite.t.admin.get('/api/v1/alerts').query({ alertKey });
    return {
      events: events.body.data.map((event: { status: string }) => event.status),
      alerts: alerts.body.data.map((alert: { status: string }) => alert.status),
    };
  }

  it('purges old events and resolved alerts, keeps active alerts with all their events', async () => {
    const startsAt = '2026-10-01T00:00:00Z';
    // Resolved long ago: goes, events and alert.
    await pushed({ fingerprint: 'old-resolved', startsAt });
    await pushed({ fingerprint: 'old-resolved', startsAt, status: 'resolved' });
    // Firing since long ago: stays, with its old events.
    await pushed({ fingerprint: 'old-active', startsAt });
    await pushed({
      fingerprint: 'old-active',
      startsAt,
      labels: { alertname: 'HighLatency', severity: 'critical' },
    });
    // Fired long ago, resolved lately: the old event goes, the alert and its resolution stay.
    await pushed({ fingerprint: 'lately-resolved', startsAt });
    await age(40, ['old-resolved', 'old-active', 'lately-resolved']);
    await pushed({ fingerprint: 'lately-resolved', startsAt, status: 'resolved' });
    // A resolution of an alert never seen firing, long ago: it opened a resolved alert; both go.
    await pushed({ fingerprint: 'old-orphan', status: 'resolved' });
    // Recent: stays.
    await pushed({ fingerprint: 'recent', startsAt });
    // Just inside the retention: stays, with the resolved alert it opened.
    await pushed({ fingerprint: 'almost-expired', startsAt, status: 'resolved' });
    await age(40, ['old-orphan']);
    await age(29, ['almost-expired']);

    const result = await suite.t.app.get(EventRetention).purge();
    expect(result).toMatchObject({ events: 4, alerts: 2 });
    expect(Date.now() - result.cutoff.getTime()).toBeGreaterThanOrEqual(30 * DAY_MS);

    expect(await remaining('old-resolved')).toEqual({ events: [], alerts: [] });
    expect(await remaining('old-active')).toEqual({
      events: ['firing', 'firing'],
      alerts: ['active'],
    });
    expect(await remaining('lately-resolved')).toEqual({
      events: ['resolved'],
      alerts: ['resolved'],
    });
    expect(await remaining('old-orphan')).toEqual({ events: [], alerts: [] });
    expect(await remaining('recent')).toEqual({ events: ['firing'], alerts: ['active'] });
    expect(await remaining('almost-expired')).toEqual({
      events: ['resolved'],
      alerts: ['resolved'],
    });

    expect(await suite.t.app.get(EventRetention).purge()).toMatchObject({ events: 0, alerts: 0 });
  });

  async function bulkExpired(prefix: string): Promise<number> {
    const count = PURGE_BATCH_SIZE * 2 + 500;
    const fingerprints = Array.from({ length: count }, (_, index) => `${prefix}-${index}`);
    await pushed(
      ...fingerprints.map((fingerprint) => ({ fingerprint, status: 'resolved' as const })),
    );
    await age(40, fingerprints);
    return count;
  }

  function countEvents(prefix: string): Promise<number> {
    return suite.t.app
      .get(DataSource)
      .getRepository(AlertEvent)
      .count({ where: { alertKey: Like(`${prefix}-%`) } });
  }

  it('purges more than a batch while pushes go on', async () => {
    const count = await bulkExpired('bulk');
    const [purged, during] = await Promise.all([
      suite.t.app.get(EventRetention).purge(),
      push(suite.t, suite.integration, alertmanagerPush({ fingerprint: 'during-purge' })),
    ]);
    expect(during.status).toBe(200);
    expect(purged.events).toBe(count);
    expect(await countEvents('bulk')).toBe(0);
    expect(await remaining('during-purge')).toEqual({ events: ['firing'], alerts: ['active'] });
  });

  it('is safe with another replica purging the same database at once', async () => {
    const count = await bulkExpired('replicas');
    const peer = await startTestApp({ database: suite.t.database });
    try {
      const [mine, theirs] = await Promise.all([
        suite.t.app.get(EventRetention).purge(),
        peer.app.get(EventRetention).purge(),
      ]);
      expect(mine.events + theirs.events).toBe(count);
    } finally {
      await peer.close();
    }
    expect(await countEvents('replicas')).toBe(0);
  });

  it('lets a shutdown stop a purge between batches; the next run finishes it', async () => {
    const count = await bulkExpired('shutdown');
    const peer = await startTestApp({ database: suite.t.database });
    const purging = peer.app.get(EventRetention).purge();
    await peer.close();
    const stopped = await purging;
    const rest = await suite.t.app.get(EventRetention).purge();
    expect(stopped.events + rest.events).toBe(count);
    expect(await countEvents('shutdown')).toBe(0);
  });
});
