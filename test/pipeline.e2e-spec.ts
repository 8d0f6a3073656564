import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { alertmanagerPush, type TestAlert } from './support/alertmanager-payload.js';
import {
  createChannel,
  createPrivateIntegration,
  createSharedIntegration,
  push,
  pushLogEntry,
  putRoutes,
  type CreatedIntegration,
} from './support/admin-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface StoredEvent {
  alertId: number;
  title: string;
  severity: string;
  status: string;
  channelId: string | null;
  labels: Record<string, string>;
  pipelineSteps: Array<{ index: number; kind: string; name: string | null }> | null;
}

describe('processing pipeline of an integration', () => {
  let t: TestApp;
  let channel: string;

  beforeAll(async () => {
    t = await startTestApp();
    channel = await createChannel(t, 'pipeline team');
  });
  afterAll(() => t.close());

  const pipelineUrl = (integration: CreatedIntegration) =>
    `/api/v1/integrations/${integration.id}/pipeline`;

  async function putPipeline(integration: CreatedIntegration, steps: unknown[]): Promise<void> {
    const current = await t.admin.get(pipelineUrl(integration));
    const { version } = (current.body as { data: { version: number } }).data;
    const response = await t.admin.put(pipelineUrl(integration)).send({ version, steps });
    expect(response.status).toBe(200);
  }

  async function eventsOf(fingerprint: string): Promise<StoredEvent[]> {
    const response = await t.admin.get('/api/v1/events').query({ alertKey: fingerprint });
    return (response.body as { data: StoredEvent[] }).data;
  }

  function alert(fingerprint: string, labels: Record<string, string>, more: TestAlert = {}) {
    return { fingerprint, labels: { alertname: 'Piped', ...labels }, ...more };
  }

  describe('GET and PUT', () => {
    it('starts empty at version 0, saves a pipeline, and refuses a stale version with 409', async () => {
      const integration = await createPrivateIntegration(t, channel);
      const initial = await t.admin.get(pipelineUrl(integration));
      expect(initial.body.data).toEqual({ version: 0, steps: [] });
      const steps = [
        { kind: 'set_labels', labels: { team: 'db' } },
        {
          kind: 'drop',
          reason: 'noise',
          firingOnly: true,
          conditions: [{ field: 'labels.env', operator: 'equals', value: 'dev' }],
        },
      ];
      const saved = await t.admin.put(pipelineUrl(integration)).send({ version: 0, steps });
      expect(saved.status).toBe(200);
      // As saved: a step without conditions has an empty list of them.
      const savedSteps = [{ ...steps[0], conditions: [] }, steps[1]];
      expect(saved.body.data).toEqual({ version: 1, steps: savedSteps });
      expect((await t.admin.get(pipelineUrl(integration))).body.data).toEqual({
        version: 1,
        steps: savedSteps,
      });
      const stale = await t.admin.put(pipelineUrl(integration)).send({ version: 0, steps: [] });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('VersionConflict');
    });

    it('refuses invalid steps with 400 naming each problem, and more than 50 steps', async () => {
      const integration = await createPrivateIntegration(t, channel);
      const response = await t.admin.put(pipelineUrl(integration)).send({
        version: 0,
        steps: [
          { kind: 'extract', field: 'title', pattern: '(a)\\1' },
          { kind: 'title', template: '{{ $$.body }}' },
          { kind: 'set_labels', labels: { team: 'x' }, firingOnly: true },
          { kind: 'drop' },
          {
            kind: 'severity',
            set: 'Critical',
            conditions: [{ field: 'host', operator: 'exists' }],
          },
        ],
      });
      expect(response.status).toBe(400);
      const details = response.body.error.details as string[];
      expect(details.some((d) => d.startsWith('steps[0]: pattern is not a usable'))).toBe(true);
      expect(details.some((d) => d.startsWith('steps[1]: template'))).toBe(true);
      expect(details.some((d) => d.startsWith('steps[2]: set_labels runs on resolutions'))).toBe(
        true,
      );
      expect(details).toContain('steps[3]: drop needs reason');
      expect(details.some((d) => d.startsWith('steps[4].conditions[0]: field must be'))).toBe(true);
      const many = Array.from({ length: 51 }, () => ({ kind: 'delete_labels', names: ['x'] }));
      const tooMany = await t.admin.put(pipelineUrl(integration)).send({ version: 0, steps: many });
      expect(tooMany.status).toBe(400);
    });
  });

  it('records on each stored event the steps that changed it', async () => {
    const integration = await createPrivateIntegration(t, channel);
    await putPipeline(integration, [
      {
        kind: 'extract',
        name: 'host parts',
        field: 'labels.instance',
        pattern: '^(?P<service>[a-z]+)-(?P<node>\\d+)',
      },
      { kind: 'title', template: '{{ $.labels.service }} down on node {{ $.labels.node }}' },
      { kind: 'delete_labels', names: ['not-there'] },
    ]);
    const pushed = await push(
      t,
      integration,
      alertmanagerPush(alert('pl-trace', { instance: 'api-7' })),
    );
    expect(pushed.status).toBe(200);
    const [event] = await eventsOf('pl-trace');
    expect(event?.title).toBe('api down on node 7');
    expect(event?.labels).toMatchObject({ service: 'api', node: '7' });
    expect(event?.pipelineSteps).toEqual([
      { index: 0, kind: 'extract', name: 'host parts' },
      { index: 1, kind: 'title', name: null },
    ]);
  });

  it('folds a resolution into the alert its enriched firing opened', async () => {
    const integration = await createSharedIntegration(t);
    const db = await createChannel(t, 'db by pipeline');
    await putRoutes(t, integration.id, {
      rules: [
        {
          name: 'db',
          conditions: [{ field: 'labels.team', operator: 'equals', value: 'db' }],
          channelIds: [db],
        },
      ],
    });
    await putPipeline(integration, [
      {
        kind: 'set_labels',
        labels: { team: 'db' },
        conditions: [{ field: 'labels.instance', operator: 'regex', value: '^pg-' }],
      },
      { kind: 'severity', remap: { p1: 'Critical' }, field: 'labels.level' },
      { kind: 'title', template: 'Firing: {{ $.title }}', firingOnly: true },
    ]);
    const labels = { instance: 'pg-1', level: 'P1' };
    expect((await push(t, integration, alertmanagerPush(alert('pl-resolve', labels)))).status).toBe(
      200,
    );
    const resolved = alert('pl-resolve', labels, { status: 'resolved' });
    expect((await push(t, integration, alertmanagerPush(resolved))).status).toBe(200);
    const events = await eventsOf('pl-resolve');
    expect(events).toHaveLength(2);
    expect(new Set(events.map((event) => event.alertId)).size).toBe(1);
    expect(events.map((event) => event.channelId)).toEqual([db, db]);
    expect(events.map((event) => event.severity)).toEqual(['Critical', 'Critical']);
    const alertResponse = await t.admin.get(`/api/v1/alerts/${events[0]?.alertId}`);
    expect(alertResponse.body.data.status).toBe('resolved');
  });

  it('routes on a label the pipeline added', async () => {
    const integration = await createSharedIntegration(t);
    const payments = await createChannel(t, 'payments by map');
    const other = await createChannel(t, 'others');
    await putRoutes(t, integration.id, {
      rules: [
        {
          name: 'payments',
          conditions: [{ field: 'labels.biz_line', operator: 'equals', value: 'payments' }],
          channelIds: [payments],
        },
      ],
      defaultChannelIds: [other],
    });
    const table = await t.admin
      .put(`/api/v1/integrations/${integration.id}/pipeline/tables/clusters`)
      .send({
        version: 0,
        keyColumn: 'cluster_id',
        csv: 'cluster_id,team,biz_line\nc-1,db,payments\n"c-2","web, edge",ads\n',
      });
    expect(table.status).toBe(200);
    expect(table.body.data).toMatchObject({
      name: 'clusters',
      version: 1,
      rowCount: 2,
      columns: ['cluster_id', 'team', 'biz_line'],
    });
    await putPipeline(integration, [
      { kind: 'map', table: 'clusters', field: 'labels.cluster_id' },
    ]);
    await push(
      t,
      integration,
      alertmanagerPush(
        alert('pl-route-1', { cluster_id: 'c-1' }),
        alert('pl-route-2', { cluster_id: 'c-2' }),
      ),
    );
    const [first] = await eventsOf('pl-route-1');
    const [second] = await eventsOf('pl-route-2');
    expect(first?.channelId).toBe(payments);
    expect(first?.labels).toMatchObject({ team: 'db', biz_line: 'payments' });
    expect(second?.channelId).toBe(other);
    expect(second?.labels).toMatchObject({ team: 'web, edge', biz_line: 'ads' });
  });

  it('uploads map tables as JSON rows, versioned, and refuses tables past their bounds', async () => {
    const integration = await createPrivateIntegration(t, channel);
    const url = `/api/v1/integrations/${integration.id}/pipeline/tables/teams`;
    const rows = [
      { host: 'a', team: 'db' },
      { host: 'b', team: 'web' },
    ];
    const created = await t.admin.put(url).send({ version: 0, keyColumn: 'host', rows });
    expect(created.status).toBe(200);
    expect((await t.admin.put(url).send({ version: 0, keyColumn: 'host', rows })).status).toBe(409);
    const replaced = await t.admin
      .put(url)
      .send({ version: 1, keyColumn: 'host', rows: rows.slice(0, 1) });
    expect(replaced.body.data).toMatchObject({ version: 2, rowCount: 1 });
    const repeated = await t.admin
      .put(url)
      .send({ version: 2, keyColumn: 'host', rows: [rows[0], rows[0]] });
    expect(repeated.status).toBe(400);
    expect(repeated.body.error.message).toContain('repeats the key');
    const noKey = await t.admin.put(url).send({ version: 2, keyColumn: 'nope', rows });
    expect(noKey.status).toBe(400);
    const tooMany = Array.from({ length: 50_001 }, (_, i) => `h${i},t`).join('\n');
    const big = await t.admin
      .put(url)
      .send({ version: 2, keyColumn: 'host', csv: `host,team\n${tooMany}` });
    expect(big.status).toBe(400);
    expect(big.body.error.message).toContain('more than 50000 rows');
    const listed = await t.admin.get(`/api/v1/integrations/${integration.id}/pipeline/tables`);
    expect(listed.body.data).toEqual([
      expect.objectContaining({ name: 'teams', version: 2, rowCount: 1 }),
    ]);
  });

  it('drops events a drop step takes: not stored, in the push log and counted in /metrics', async () => {
    const integration = await createPrivateIntegration(t, channel);
    await putPipeline(integration, [
      {
        kind: 'drop',
        reason: 'dev noise',
        conditions: [{ field: 'labels.env', operator: 'equals', value: 'dev' }],
      },
    ]);
    const pushed = await push(
      t,
      integration,
      alertmanagerPush(alert('pl-drop', { env: 'dev' }), alert('pl-keep', { env: 'prod' })),
    );
    expect(pushed.status).toBe(200);
    expect(pushed.body.data).toMatchObject({ events: 2, stored: 1 });
    expect(await eventsOf('pl-drop')).toEqual([]);
    expect(await eventsOf('pl-keep')).toHaveLength(1);
    const entry = await pushLogEntry(t, integration.id, pushed.headers['x-request-id']);
    expect(entry?.note).toBe('dropped by the pipeline: dev noise (1)');
    const metrics = await t.http.get('/metrics');
    expect(metrics.text).toContain(
      `alert_hub_events_dropped_total{integration="${integration.id}",reason="dev noise"} 1`,
    );
  });

  describe('POST pipeline/preview', () => {
    it('shows a candidate before and after on a payload, and stores nothing', async () => {
      const integration = await createPrivateIntegration(t, channel);
      const response = await t.admin.post(`${pipelineUrl(integration)}/preview`).send({
        payload: alertmanagerPush(
          alert('pl-preview', { env: 'dev', level: '紧急' }),
          alert('pl-preview-2', { env: 'prod' }),
        ),
        pipeline: {
          steps: [
            { kind: 'severity', field: 'labels.level', remap: { 紧急: 'Critical' } },
            {
              kind: 'drop',
              reason: 'prod only',
              conditions: [{ field: 'labels.env', operator: 'equals', value: 'prod' }],
            },
          ],
        },
      });
      expect(response.status).toBe(200);
      const { data } = response.body;
      expect(data.pipeline).toBe('candidate');
      expect(data.source).toBe('payload');
      expect(data.events[0].before.severity).toBe('Warning');
      expect(data.events[0].after.severity).toBe('Critical');
      expect(data.events[0].steps).toEqual([{ index: 0, kind: 'severity', name: null }]);
      expect(data.events[1].after).toBeNull();
      expect(data.events[1].dropped).toEqual({ index: 1, reason: 'prod only' });
      expect(await eventsOf('pl-preview')).toEqual([]);
    });

    it("runs the saved pipeline over the integration's latest stored events", async () => {
      const integration = await createPrivateIntegration(t, channel);
      await push(t, integration, alertmanagerPush(alert('pl-stored', { instance: 'db-3' })));
      const response = await t.admin.post(`${pipelineUrl(integration)}/preview`).send({
        stored: 5,
        pipeline: {
          steps: [{ kind: 'set_labels', labels: { owner: 'team of {{ $.labels.instance }}' } }],
        },
      });
      expect(response.status).toBe(200);
      expect(response.body.data.source).toBe('stored');
      expect(response.body.data.events).toHaveLength(1);
      expect(response.body.data.events[0].storedEventId).toEqual(expect.any(Number));
      expect(response.body.data.events[0].after.labels.owner).toBe('team of db-3');
      expect((await eventsOf('pl-stored'))[0]?.labels.owner).toBeUndefined();
    });
  });

  it('serves ready-made step lists that the pipeline API accepts', async () => {
    const response = await t.admin.get('/api/v1/pipeline-templates');
    expect(response.status).toBe(200);
    const templates = response.body.data as Array<{ id: string; steps: unknown[] }>;
    expect(templates.map((template) => template.id)).toEqual([
      'volcengine-vmp',
      'aliyun-arms',
      'level-names',
    ]);
    const integration = await createPrivateIntegration(t, channel);
    await putPipeline(
      integration,
      templates.flatMap((template) => template.steps),
    );
  });
});
