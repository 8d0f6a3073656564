import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import alertHubBatch from '../plugins/standard/fixtures/alert-hub-batch.json' with { type: 'json' };
import alertHubResolve from '../plugins/standard/fixtures/alert-hub-resolve.json' with { type: 'json' };
import alertHubTrigger from '../plugins/standard/fixtures/alert-hub-trigger.json' with { type: 'json' };
import flashdutyFiring from '../plugins/standard/fixtures/flashduty-firing-constructed.json' with { type: 'json' };
import flashdutyOk from '../plugins/standard/fixtures/flashduty-ok-key-only-constructed.json' with { type: 'json' };
import pagerDutyAcknowledge from '../plugins/standard/fixtures/pagerduty-acknowledge.json' with { type: 'json' };
import pagerDutyTrigger from '../plugins/standard/fixtures/pagerduty-trigger.json' with { type: 'json' };
import {
  createChannel,
  createPrivateIntegration,
  push,
  pushLogEntry,
  type CreatedIntegration,
} from './support/admin-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface StoredEvent {
  id: number;
  status: string;
  severity: string;
  alertKey: string;
  title: string;
  description: string | null;
  labels: Record<string, string>;
}

interface StoredAlert {
  status: string;
  severity: string;
  title: string;
  description: string | null;
  eventCount: number;
  repeatCount: number;
}

/** Alert Hub's event API and its two dialects, through the real push route and admin API. */
describe('the standard event API', () => {
  let t: TestApp;
  let channelId: string;
  beforeAll(async () => {
    t = await startTestApp();
    channelId = await createChannel(t);
  });
  afterAll(() => t.close());

  const newIntegration = () => createPrivateIntegration(t, channelId, 'standard');

  /** The integration's events, oldest first. */
  async function eventsOf(integration: CreatedIntegration): Promise<StoredEvent[]> {
    const listed = await t.admin.get('/api/v1/events').query({ integrationId: integration.id });
    return (listed.body.data as StoredEvent[]).reverse();
  }

  async function alertOf(integration: CreatedIntegration, alertKey: string): Promise<StoredAlert> {
    const listed = await t.admin
      .get('/api/v1/alerts')
      .query({ integrationId: integration.id, alertKey });
    const alerts = listed.body.data as StoredAlert[];
    expect(alerts).toHaveLength(1);
    return alerts[0];
  }

  function requestIdOf(response: { headers: Record<string, string> }): string {
    return response.headers['x-request-id'] ?? '';
  }

  it("keeps the alert's title and description when a resolve carries only its key", async () => {
    const integration = await newIntegration();
    const fired = await push(t, integration, alertHubTrigger);
    expect(fired.status).toBe(200);
    expect(fired.body).toEqual({
      request_id: requestIdOf(fired),
      data: { events: 1, stored: 1, deduplicated: 0, unrouted: 0, beats: 0 },
    });
    const resolved = await push(t, integration, alertHubResolve);
    expect(resolved.status).toBe(200);
    expect(resolved.body.data).toMatchObject({ stored: 1, deduplicated: 0 });

    const title = 'Nightly backup of db-1 failed';
    const description = 'pg_dump exited with status 1 after 42 s: connection refused';
    expect(await eventsOf(integration)).toEqual([
      expect.objectContaining({ status: 'firing', severity: 'Critical', title, description }),
      expect.objectContaining({ status: 'resolved', title, description, labels: {} }),
    ]);
    expect(await alertOf(integration, 'backup-nightly-db-1')).toMatchObject({
      status: 'resolved',
      severity: 'Critical',
      title,
      description,
      eventCount: 2,
    });

    // Sent again, the resolution is a repeat: counted, not stored.
    const again = await push(t, integration, alertHubResolve);
    expect(again.body.data).toMatchObject({ stored: 0, deduplicated: 1 });
  });

  it('gives a resolve of an alert never seen the title Alert <key>', async () => {
    const integration = await newIntegration();
    await push(t, integration, { action: 'resolve', alertKey: 'never-fired' });
    expect(await alertOf(integration, 'never-fired')).toMatchObject({
      status: 'resolved',
      title: 'Alert never-fired',
      description: null,
    });
  });

  it('keeps the title of a Flashduty alert recovered by its alert_key alone', async () => {
    const integration = await newIntegration();
    expect((await push(t, integration, flashdutyFiring)).status).toBe(200);
    expect((await push(t, integration, flashdutyOk)).status).toBe(200);
    const title = 'CPU usage > 90% on $resource';
    expect((await eventsOf(integration)).map((event) => [event.status, event.title])).toEqual([
      ['firing', title],
      ['resolved', title],
    ]);
    expect(await alertOf(integration, 'web-01-cpu')).toMatchObject({ status: 'resolved', title });
  });

  it('answers PagerDuty senders 202 with the dedup_key, and resolves by it', async () => {
    const integration = await newIntegration();
    const triggered = await push(t, integration, pagerDutyTrigger);
    expect(triggered.status).toBe(202);
    expect(triggered.body).toEqual({
      status: 'success',
      message: 'Event processed',
      dedup_key: 'samplekeyhere',
    });
    expect(requestIdOf(triggered)).toMatch(/^[0-9a-f-]{36}$/);
    expect(await pushLogEntry(t, integration.id, requestIdOf(triggered))).toMatchObject({
      outcome: 'accepted',
      httpStatus: 202,
      counts: { events: 1, stored: 1 },
    });

    const resolved = await push(t, integration, {
      routing_key: 'samplekeyhere',
      event_action: 'resolve',
      dedup_key: 'samplekeyhere',
    });
    expect(resolved.status).toBe(202);
    expect(resolved.body).toMatchObject({ dedup_key: 'samplekeyhere' });
    const title = 'Example alert on host1.example.com';
    const [firing, resolution] = await eventsOf(integration);
    expect(resolution).toMatchObject({ status: 'resolved', title });
    expect(await alertOf(integration, 'samplekeyhere')).toMatchObject({
      status: 'resolved',
      severity: 'Info',
      title,
    });

    // PagerDuty's routing key is its credential: not stored with the event.
    const detail = await t.admin.get(`/api/v1/events/${firing?.id}`);
    expect(detail.body.data.raw).toMatchObject({ event_action: 'trigger' });
    expect(detail.body.data.raw).not.toHaveProperty('routing_key');
  });

  it('answers a trigger without a dedup_key with the key its alert has, the same on a retry', async () => {
    const integration = await newIntegration();
    const trigger = {
      routing_key: 'unused',
      event_action: 'trigger',
      payload: { summary: 'Queue backlog above 10k', source: 'mq-1', severity: 'warning' },
    };
    const first = await push(t, integration, trigger);
    expect(first.status).toBe(202);
    const dedupKey = first.body.dedup_key as string;
    expect(dedupKey).toMatch(/^[0-9a-f]{32}$/);

    // A retry whose answer was lost folds into the same alert instead of opening another.
    const retry = await push(t, integration, trigger);
    expect(retry.body.dedup_key).toBe(dedupKey);
    const log = await pushLogEntry(t, integration.id, requestIdOf(retry));
    expect(log).toMatchObject({ counts: { stored: 0, deduplicated: 1 } });

    await push(t, integration, { event_action: 'resolve', dedup_key: dedupKey });
    expect(await alertOf(integration, dedupKey)).toMatchObject({
      status: 'resolved',
      title: 'Queue backlog above 10k',
      repeatCount: 1,
    });
  });

  it('stores nothing for a PagerDuty acknowledge and says so in the push log', async () => {
    const integration = await newIntegration();
    await push(t, integration, { ...pagerDutyTrigger, dedup_key: 'dedupkeyhere' });
    const acknowledged = await push(t, integration, pagerDutyAcknowledge);
    expect(acknowledged.status).toBe(202);
    expect(acknowledged.body).toEqual({
      status: 'success',
      message: 'Event processed',
      dedup_key: 'dedupkeyhere',
    });
    expect(await pushLogEntry(t, integration.id, requestIdOf(acknowledged))).toMatchObject({
      counts: { events: 0, stored: 0 },
      note: 'PagerDuty acknowledge of dedup_key "dedupkeyhere": Alert Hub has no acknowledgement, nothing stored',
    });
    expect(await eventsOf(integration)).toHaveLength(1);
    expect(await alertOf(integration, 'dedupkeyhere')).toMatchObject({ status: 'active' });
  });

  it('stores a batch whole, and its key-only resolve keeps the title of an earlier trigger', async () => {
    const integration = await newIntegration();
    await push(t, integration, {
      action: 'trigger',
      alertKey: 'disk-web-2-var',
      title: 'Disk /var on web-2 is 95% full',
      description: 'inodes too',
    });
    const batch = await push(t, integration, {
      events: [...alertHubBatch.events, { action: 'resolve', alertKey: 'disk-web-2-var' }],
    });
    expect(batch.status).toBe(200);
    // The batch's own titled resolve of disk-web-2-var came first; the key-only one repeats it.
    expect(batch.body.data).toEqual({
      events: 4,
      stored: 3,
      deduplicated: 1,
      unrouted: 0,
      beats: 0,
    });
    const stored = await eventsOf(integration);
    expect(stored.map((event) => [event.alertKey, event.status, event.title])).toEqual([
      ['disk-web-2-var', 'firing', 'Disk /var on web-2 is 95% full'],
      ['disk-web-1-var', 'firing', 'Disk /var on web-1 is 91% full'],
      [expect.stringMatching(/^[0-9a-f]{32}$/), 'firing', expect.stringContaining('shop')],
      ['disk-web-2-var', 'resolved', 'Disk /var on web-2 is 91% full'],
    ]);

    const keyOnly = await newIntegration();
    await push(t, keyOnly, { action: 'trigger', alertKey: 'cert', title: 'Certificate expires' });
    await push(t, keyOnly, {
      events: [
        { action: 'resolve', alertKey: 'cert' },
        { action: 'trigger', alertKey: 'cert-2', title: 'Another certificate', severity: 'p4' },
      ],
    });
    expect(
      (await eventsOf(keyOnly)).map((event) => [event.alertKey, event.status, event.title]),
    ).toEqual([
      ['cert', 'firing', 'Certificate expires'],
      ['cert', 'resolved', 'Certificate expires'],
      ['cert-2', 'firing', 'Another certificate'],
    ]);
  });

  it('refuses what it cannot read with the path of the field, storing nothing of the push', async () => {
    const integration = await newIntegration();
    const refusals: Array<[unknown, string]> = [
      [{ events: [alertHubTrigger, { action: 'trigger', alertKey: 'k' }] }, '$.events[1].title'],
      [{ events: Array.from({ length: 1001 }, () => alertHubTrigger) }, '$.events'],
      [{ action: 'resolve' }, '$.alertKey'],
      [{ ...alertHubTrigger, links: { runbook: 'ftp://files.example.com' } }, '$.links.runbook'],
      [{ event_action: 'escalate', dedup_key: 'k' }, '$.event_action'],
      [{ routing_key: 'r', event_action: 'resolve' }, '$.dedup_key'],
      [{ event_action: 'trigger', payload: { source: 'a' } }, '$.payload.summary'],
      [{ event_status: 'Major', title_rule: 'x' }, '$.event_status'],
    ];
    for (const [body, path] of refusals) {
      const refused = await push(t, integration, body);
      expect({ path, status: refused.status }).toEqual({ path, status: 400 });
      // The error is the core's, in PagerDuty's dialect too.
      expect(refused.body.error).toMatchObject({ code: 'InvalidPayload', details: { path } });
      expect(await pushLogEntry(t, integration.id, requestIdOf(refused))).toMatchObject({
        outcome: 'refused',
        httpStatus: 400,
      });
    }
    expect(await eventsOf(integration)).toEqual([]);
  });

  it("answers the admin's test push, Alert Hub's own sample, the core's way", async () => {
    const integration = await newIntegration();
    const tested = await t.admin.post(`/api/v1/integrations/${integration.id}/test`);
    expect(tested.status).toBe(200);
    expect(tested.body.data).toEqual({
      events: 1,
      stored: 1,
      deduplicated: 0,
      unrouted: 0,
      beats: 0,
    });
    expect(await eventsOf(integration)).toEqual([
      expect.objectContaining({ alertKey: 'backup-nightly-db-1', severity: 'Critical' }),
    ]);
  });
});
