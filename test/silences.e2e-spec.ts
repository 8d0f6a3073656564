import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SilenceSweep } from '../libs/core/src/silences/silence-sweep.service.js';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import {
  createChannel,
  createPrivateIntegration,
  push,
  pushLogEntry,
  type CreatedIntegration,
} from './support/admin-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface SilenceSeen {
  id: string;
  version: number;
  active: boolean;
  unused: boolean;
  expiresSoon: boolean;
  endsAt: string | null;
  createdBy: string;
  lastMatchedAt: string | null;
  conditions: unknown[];
  scope: unknown;
}

interface AlertSeen {
  id: number;
  status: string;
  silencedBy: string | null;
  unsilencedAt: string | null;
}

const HOUR = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

describe('silences and maintenance windows', () => {
  let t: TestApp;
  let channelId: string;

  beforeAll(async () => {
    t = await startTestApp();
    channelId = await createChannel(t, 'Silenced team');
  });
  afterAll(() => t.close());

  const sweep = () => t.app.get(SilenceSweep).runNow();

  async function integration(): Promise<CreatedIntegration> {
    return createPrivateIntegration(t, channelId);
  }

  /** Silences the `team` label's events of the integration for the hour around now. */
  function silenceBody(source: CreatedIntegration, more: Record<string, unknown> = {}) {
    return {
      reason: 'database maintenance',
      conditions: [{ field: 'labels.team', operator: 'equals', value: 'db' }],
      scope: { type: 'integration', integrationId: source.id },
      schedule: { type: 'once', start: iso(-HOUR), end: iso(HOUR) },
      ...more,
    };
  }

  async function createSilence(body: Record<string, unknown>): Promise<SilenceSeen> {
    const response = await t.admin.post('/api/v1/silences').send(body);
    expect(response.status).toBe(201);
    return response.body.data as SilenceSeen;
  }

  function firing(fingerprint: string, status: 'firing' | 'resolved' = 'firing') {
    return alertmanagerPush({
      status,
      fingerprint,
      labels: { alertname: 'ReplicaLag', team: 'db', instance: fingerprint },
    });
  }

  async function alertsOf(source: CreatedIntegration, query: Record<string, string> = {}) {
    const response = await t.admin
      .get('/api/v1/alerts')
      .query({ integrationId: source.id, ...query });
    expect(response.status).toBe(200);
    return response.body.data as AlertSeen[];
  }

  async function eventsOf(source: CreatedIntegration) {
    const response = await t.admin.get('/api/v1/events').query({ integrationId: source.id });
    expect(response.status).toBe(200);
    return response.body.data as Array<{ status: string; silencedBy: string | null }>;
  }

  describe('the API', () => {
    it('creates, reads, replaces (409 on a stale version) and ends a silence, keeping it', async () => {
      const source = await integration();
      const created = await createSilence(silenceBody(source));
      expect(created).toMatchObject({
        version: 1,
        active: true,
        createdBy: 'admin token',
        lastMatchedAt: null,
        scope: { type: 'integration', integrationId: source.id },
      });
      const url = `/api/v1/silences/${created.id}`;
      expect((await t.admin.get(url)).body.data).toMatchObject({ id: created.id, version: 1 });

      const replaced = await t.admin
        .put(url)
        .send({ ...silenceBody(source, { mode: 'drop' }), version: 1 });
      expect(replaced.status).toBe(200);
      expect(replaced.body.data).toMatchObject({ version: 2, mode: 'drop' });
      const stale = await t.admin.put(url).send({ ...silenceBody(source), version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('VersionConflict');

      const ended = await t.admin.delete(url);
      expect(ended.status).toBe(200);
      expect(ended.body.data).toMatchObject({ active: false, version: 3 });
      const listed = await t.admin.get('/api/v1/silences').query({ state: 'ended' });
      expect((listed.body.data as SilenceSeen[]).map((silence) => silence.id)).toContain(
        created.id,
      );
      const active = await t.admin.get('/api/v1/silences').query({ state: 'active' });
      expect((active.body.data as SilenceSeen[]).map((silence) => silence.id)).not.toContain(
        created.id,
      );
    });

    it('refuses a silence without a reason, with an unknown zone or a scope of nothing', async () => {
      const source = await integration();
      const noReason = await t.admin
        .post('/api/v1/silences')
        .send({ ...silenceBody(source), reason: ' ' });
      expect(noReason.status).toBe(400);
      const badZone = await t.admin.post('/api/v1/silences').send(
        silenceBody(source, {
          schedule: {
            type: 'weekly',
            timezone: 'Europe/Atlantis',
            windows: [{ days: ['sat'], start: '22:00', end: '02:00' }],
          },
        }),
      );
      expect(badZone.status).toBe(400);
      expect(badZone.body.error.details).toEqual(['schedule: unknown time zone "Europe/Atlantis"']);
      const noIntegration = await t.admin.post('/api/v1/silences').send(
        silenceBody(source, {
          scope: { type: 'integration', integrationId: '00000000-0000-4000-8000-000000000000' },
        }),
      );
      expect(noIntegration.status).toBe(400);
    });

    it('flags a silence that expires within a day', async () => {
      const source = await integration();
      const soon = await createSilence(silenceBody(source));
      const later = await createSilence(
        silenceBody(source, {
          schedule: {
            type: 'weekly',
            timezone: 'UTC',
            windows: [{ days: ['sun'], start: '00:00', end: '24:00' }],
          },
        }),
      );
      expect(soon).toMatchObject({ expiresSoon: true, unused: false });
      expect(later).toMatchObject({ expiresSoon: false, endsAt: null });
    });
  });

  describe('mode mark', () => {
    it('stores the event, flags its alert silenced, and lets the resolution pass', async () => {
      const source = await integration();
      const silence = await createSilence(silenceBody(source));
      const pushed = await push(t, source, firing('mark-1'));
      expect(pushed.status).toBe(200);
      expect(pushed.body.data).toMatchObject({ events: 1, stored: 1 });
      const [event] = await eventsOf(source);
      expect(event?.silencedBy).toBe(silence.id);
      expect(await alertsOf(source, { silenced: 'true' })).toEqual([
        expect.objectContaining({ status: 'active', silencedBy: silence.id }),
      ]);
      expect(await alertsOf(source, { silenced: 'false' })).toEqual([]);

      expect((await push(t, source, firing('mark-1', 'resolved'))).status).toBe(200);
      const events = await eventsOf(source);
      expect(events[0]).toMatchObject({ status: 'resolved', silencedBy: null });
      // Only ever seen silenced, it resolved unseen: the sweep has nothing to show.
      expect(await alertsOf(source)).toEqual([
        expect.objectContaining({ status: 'resolved', silencedBy: silence.id, unsilencedAt: null }),
      ]);

      const metrics = await t.http.get('/metrics');
      expect(metrics.text).toContain(
        `alert_hub_silenced_events_total{integration_id="${source.id}",plugin="prometheus",action="marked"} 1`,
      );
      await sweep();
      const read = await t.admin.get(`/api/v1/silences/${silence.id}`);
      expect(read.body.data.lastMatchedAt).not.toBeNull();
    });

    it('marks nothing outside its window, nor events its conditions do not match', async () => {
      const source = await integration();
      await createSilence(
        silenceBody(source, { schedule: { type: 'once', start: iso(HOUR), end: iso(2 * HOUR) } }),
      );
      await createSilence(
        silenceBody(source, {
          conditions: [{ field: 'labels.team', operator: 'equals', value: 'web' }],
        }),
      );
      expect((await push(t, source, firing('mark-2'))).status).toBe(200);
      expect(await alertsOf(source, { silenced: 'false' })).toHaveLength(1);
    });
  });

  describe('mode drop', () => {
    it('stores no event, and the push log and metrics say which silence took it', async () => {
      const source = await integration();
      const silence = await createSilence(silenceBody(source, { mode: 'drop' }));
      const pushed = await push(t, source, firing('drop-1'));
      expect(pushed.status).toBe(200);
      expect(pushed.body.data).toMatchObject({ events: 1, stored: 0, unrouted: 0 });
      expect(await eventsOf(source)).toEqual([]);
      expect(await alertsOf(source)).toEqual([]);
      const entry = await pushLogEntry(t, source.id, pushed.headers['x-request-id']);
      expect(entry?.note).toBe(`1 event dropped by silence ${silence.id} ("database maintenance")`);
      const metrics = await t.http.get('/metrics');
      expect(metrics.text).toContain(
        `alert_hub_silenced_events_total{integration_id="${source.id}",plugin="prometheus",action="dropped"} 1`,
      );
      // Resolutions always pass: stored, as a resolution Alert Hub never saw firing.
      const resolved = await push(t, source, firing('drop-1', 'resolved'));
      expect(resolved.body.data).toMatchObject({ stored: 1 });
    });
  });

  describe('when silences end', () => {
    it('un-silences an alert still firing that was only seen silenced, exactly once', async () => {
      const source = await integration();
      const silence = await createSilence(silenceBody(source));
      await push(t, source, firing('window-1'));
      const [silenced] = await alertsOf(source, { silenced: 'true' });
      expect(silenced).toBeDefined();
      expect(await sweep()).toMatchObject({ unsilenced: 0 });

      expect((await t.admin.delete(`/api/v1/silences/${silence.id}`)).status).toBe(200);
      const first = await sweep();
      expect(first.unsilenced).toBeGreaterThanOrEqual(1);
      const [visible] = await alertsOf(source);
      expect(visible).toMatchObject({ id: silenced?.id, status: 'active', silencedBy: null });
      expect(visible?.unsilencedAt).not.toBeNull();

      await sweep();
      const [again] = await alertsOf(source);
      expect(again?.unsilencedAt).toBe(visible?.unsilencedAt);
    });

    it('silences an alert already firing when the silence is created mid-incident', async () => {
      const source = await integration();
      await push(t, source, firing('incident-1'));
      const [before] = await alertsOf(source);
      expect(before).toMatchObject({ silencedBy: null });

      const silence = await createSilence(silenceBody(source));
      // The source sends the same alert again at its repeat interval: a repeat, not stored.
      const again = await push(t, source, firing('incident-1'));
      expect(again.body.data).toMatchObject({ deduplicated: 1 });
      expect((await alertsOf(source))[0]).toMatchObject({ id: before?.id, silencedBy: silence.id });

      // The window is cut short: the next sweep shows the alert again.
      const url = `/api/v1/silences/${silence.id}`;
      const changed = await t.admin.put(url).send(
        silenceBody(source, {
          schedule: { type: 'once', start: iso(-2 * HOUR), end: iso(-1000) },
          version: 1,
        }),
      );
      expect(changed.status).toBe(200);
      expect(changed.body.data.active).toBe(false);
      await sweep();
      expect((await alertsOf(source))[0]).toMatchObject({ id: before?.id, silencedBy: null });
    });
  });

  describe('POST /api/v1/silences/preview', () => {
    it('counts what a silence would have silenced over the last 7 days, storing nothing', async () => {
      const source = await integration();
      await push(t, source, firing('preview-1'));
      await push(t, source, firing('preview-2'));
      const [newest] = await alertsOf(source);
      const { reason, ...rule } = silenceBody(source, {
        schedule: {
          type: 'weekly',
          timezone: 'UTC',
          windows: [
            {
              days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
              start: '00:00',
              end: '24:00',
            },
          ],
        },
      });
      expect(reason).toBeDefined();
      const preview = await t.admin.post('/api/v1/silences/preview').send(rule);
      expect(preview.status).toBe(200);
      expect(preview.body.data).toMatchObject({
        scannedEvents: 2,
        matchedEvents: 2,
        matchedAlerts: 2,
        complete: true,
      });
      expect(preview.body.data.sampleAlerts[0].id).toBe(newest?.id);

      const elsewhere = await t.admin.post('/api/v1/silences/preview').send({
        ...rule,
        conditions: [{ field: 'labels.team', operator: 'equals', value: 'web' }],
      });
      expect(elsewhere.body.data).toMatchObject({ matchedEvents: 0, sampleAlerts: [] });
      expect((await t.admin.get('/api/v1/silences').query({ state: 'active' })).status).toBe(200);
    });
  });

  describe('POST /api/v1/alerts/:id/silence', () => {
    it("creates a silence of the alert's labels in its integration and silences it", async () => {
      const source = await integration();
      await push(t, source, firing('from-alert-1'));
      const [alert] = await alertsOf(source);
      const response = await t.admin
        .post(`/api/v1/alerts/${alert?.id}/silence`)
        .send({ reason: 'known issue', durationMinutes: 30 });
      expect(response.status).toBe(201);
      const silence = response.body.data as SilenceSeen & { schedule: { end: string } };
      expect(silence.scope).toEqual({ type: 'integration', integrationId: source.id });
      expect(silence.conditions).toEqual([
        { field: 'labels.alertname', operator: 'equals', value: 'ReplicaLag' },
        { field: 'labels.instance', operator: 'equals', value: 'from-alert-1' },
        { field: 'labels.team', operator: 'equals', value: 'db' },
      ]);
      expect(Date.parse(silence.schedule.end) - Date.now()).toBeGreaterThan(29 * 60_000);
      expect((await alertsOf(source))[0]).toMatchObject({ silencedBy: silence.id });

      // Another alert of the integration is not its concern.
      await push(t, source, firing('from-alert-2'));
      expect(await alertsOf(source, { silenced: 'false' })).toHaveLength(1);

      const missing = await t.admin
        .post('/api/v1/alerts/999999999/silence')
        .send({ reason: 'x', durationMinutes: 1 });
      expect(missing.status).toBe(404);
      const noReason = await t.admin
        .post(`/api/v1/alerts/${alert?.id}/silence`)
        .send({ durationMinutes: 1 });
      expect(noReason.status).toBe(400);
    });
  });
});
