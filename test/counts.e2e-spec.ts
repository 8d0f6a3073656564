import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, In } from 'typeorm';
import { PushLogEntry } from '../libs/core/src/push-log/push-log-entry.entity.js';
import { alertmanagerPush, type TestAlert } from './support/alertmanager-payload.js';
import { createChannel, createPrivateIntegration, push } from './support/admin-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const HOUR_MS = 60 * 60 * 1000;

function firing(fingerprint: string, severity: string): TestAlert {
  return { fingerprint, labels: { alertname: fingerprint, severity } };
}

describe('counts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('GET /api/v1/alerts/counts', () => {
    let team: string;
    let other: string;

    beforeAll(async () => {
      team = await createChannel(t);
      other = await createChannel(t);
      const teamSource = await createPrivateIntegration(t, team);
      const otherSource = await createPrivateIntegration(t, other);
      const pushed = [
        await push(
          t,
          teamSource,
          alertmanagerPush(
            firing('disk', 'critical'),
            firing('cpu', 'critical'),
            firing('latency', 'warning'),
            firing('queue', 'info'),
          ),
        ),
        // Resolves `queue`: it no longer counts as active.
        await push(
          t,
          teamSource,
          alertmanagerPush({ ...firing('queue', 'info'), status: 'resolved' }),
        ),
        await push(t, otherSource, alertmanagerPush(firing('memory', 'warning'))),
      ];
      for (const answer of pushed) expect(answer.status).toBe(200);
    });

    async function counts(query: Record<string, string>) {
      const response = await t.admin.get('/api/v1/alerts/counts').query(query);
      expect(response.status).toBe(200);
      return response.body.data as unknown;
    }

    it('counts active alerts by severity and by channel, most first', async () => {
      expect(await counts({ status: 'active' })).toEqual({
        total: 4,
        bySeverity: { Critical: 2, Warning: 2, Info: 0 },
        byChannel: [
          { channelId: team, count: 3 },
          { channelId: other, count: 1 },
        ],
      });
    });

    it('takes the filters of the alert list', async () => {
      expect(await counts({})).toMatchObject({ total: 5 });
      expect(await counts({ status: 'resolved' })).toEqual({
        total: 1,
        bySeverity: { Critical: 0, Warning: 0, Info: 1 },
        byChannel: [{ channelId: team, count: 1 }],
      });
      expect(await counts({ status: 'active', channelId: other })).toEqual({
        total: 1,
        bySeverity: { Critical: 0, Warning: 1, Info: 0 },
        byChannel: [{ channelId: other, count: 1 }],
      });
      expect(await counts({ status: 'active', 'label.alertname': 'disk' })).toMatchObject({
        total: 1,
        bySeverity: { Critical: 1 },
      });
      expect(await counts({ since: '9999-01-01' })).toEqual({
        total: 0,
        bySeverity: { Critical: 0, Warning: 0, Info: 0 },
        byChannel: [],
      });
    });

    it('answers 400 naming a filter it cannot read, and 401 without credentials', async () => {
      const invalid = await t.admin.get('/api/v1/alerts/counts').query({ status: 'open' });
      expect(invalid.status).toBe(400);
      expect(JSON.stringify(invalid.body)).toContain('status');
      const paged = await t.admin.get('/api/v1/alerts/counts').query({ limit: '5' });
      expect(paged.status).toBe(400);
      expect(JSON.stringify(paged.body)).toContain('limit');
      expect((await t.http.get('/api/v1/alerts/counts')).status).toBe(401);
    });
  });

  describe('GET /api/v1/push-log/counts', () => {
    it('counts each integration pushes since the time, by outcome', async () => {
      const channelId = await createChannel(t);
      const busy = await createPrivateIntegration(t, channelId);
      const quiet = await createPrivateIntegration(t, channelId);
      const since = new Date(Date.now() - HOUR_MS);
      const answers = [
        await push(t, busy, alertmanagerPush({ fingerprint: 'push-a' })),
        await push(t, busy, alertmanagerPush({ fingerprint: 'push-b' })),
        await push(t, busy, alertmanagerPush({ fingerprint: 'push-c' })),
        await push(t, busy, { alerts: 'not a list' }),
        await push(t, quiet, { alerts: 'not a list' }),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 400, 400]);
      // Listing the log waits for its entries to be written; then two are moved back before `since`.
      expect((await t.admin.get(`/api/v1/integrations/${busy.id}/pushes`)).status).toBe(200);
      const old = answers.slice(0, 2).map((answer) => answer.headers['x-request-id']);
      await t.app
        .get(DataSource)
        .getRepository(PushLogEntry)
        .update({ requestId: In(old) }, { receivedAt: new Date(since.getTime() - HOUR_MS) });

      const response = await t.admin
        .get('/api/v1/push-log/counts')
        .query({ since: since.toISOString() });
      expect(response.status).toBe(200);
      const data = response.body.data as Array<{ integrationId: string }>;
      const of = (id: string) => data.find((counts) => counts.integrationId === id);
      expect(of(busy.id)).toEqual({ integrationId: busy.id, accepted: 1, refused: 1, failed: 0 });
      expect(of(quiet.id)).toEqual({ integrationId: quiet.id, accepted: 0, refused: 1, failed: 0 });

      const earlier = await t.admin
        .get('/api/v1/push-log/counts')
        .query({ since: new Date(since.getTime() - 2 * HOUR_MS).toISOString() });
      expect(
        (earlier.body.data as Array<{ integrationId: string }>).find(
          (counts) => counts.integrationId === busy.id,
        ),
      ).toEqual({ integrationId: busy.id, accepted: 3, refused: 1, failed: 0 });
    });

    it('answers 400 for a since that is missing, unreadable, older than 7 days or ahead', async () => {
      const day = 24 * HOUR_MS;
      for (const since of [
        undefined,
        'yesterday',
        new Date(Date.now() - 8 * day).toISOString(),
        new Date(Date.now() + day).toISOString(),
      ]) {
        const response = await t.admin
          .get('/api/v1/push-log/counts')
          .query(since === undefined ? {} : { since });
        expect(response.status).toBe(400);
        expect(JSON.stringify(response.body)).toContain('since');
      }
      expect(
        (await t.http.get('/api/v1/push-log/counts').query({ since: '2026-01-01' })).status,
      ).toBe(401);
    });
  });
});
