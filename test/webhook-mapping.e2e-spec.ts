import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadFixtureCases, readJsonFile } from '@alert-hub/plugin-sdk/testing';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  createChannel,
  createPrivateIntegration,
  push,
  pushRaw,
  type CreatedIntegration,
} from './support/admin-fixtures.js';
import { rowCounts } from './support/row-counts.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const WEBHOOK_PLUGIN = join(import.meta.dirname, '..', 'plugins', 'webhook');
const MAPPINGS_DIR = join(WEBHOOK_PLUGIN, 'docs', 'mappings');
const FIXTURES = loadFixtureCases(join(WEBHOOK_PLUGIN, 'fixtures'));

/** The documented ready-made mappings, each with the fixtures of its source. */
const READY_MADE = readdirSync(MAPPINGS_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => {
    const source = file.slice(0, -'.json'.length);
    return {
      source,
      mapping: readJsonFile(join(MAPPINGS_DIR, file)) as Record<string, unknown>,
      fixtures: FIXTURES.filter(({ name }) => name.startsWith(source)),
    };
  });

const CHECKS_MAPPING = {
  items: '$.checks',
  alertKey: ['$.host', '$.check'],
  title: '{{ $.check }} on {{ $.host }}',
  labelsFrom: '$.tags',
  severity: { path: '$.level', values: { crit: 'Critical' } },
  status: { path: '$.state', values: { OK: 'resolved', '0': 'resolved' } },
};

function checks(...items: Array<Record<string, unknown>>) {
  return { checks: items };
}

describe('the mapped generic webhook, through the HTTP API', () => {
  let t: TestApp;
  let channelId: string;

  beforeAll(async () => {
    t = await startTestApp();
    channelId = await createChannel(t, 'mapped sources');
  });
  afterAll(() => t.close());

  const mappingUrl = (integration: CreatedIntegration) =>
    `/api/v1/integrations/${integration.id}/mapping`;

  async function webhookIntegration(mapping?: Record<string, unknown>) {
    return createPrivateIntegration(t, channelId, 'webhook', mapping ? { mapping } : {});
  }

  async function putMapping(integration: CreatedIntegration, mapping: unknown, version?: number) {
    const current = await t.admin.get(mappingUrl(integration));
    return t.admin
      .put(mappingUrl(integration))
      .send({ version: version ?? current.body.data.version, mapping });
  }

  async function loggedPushes(integration: CreatedIntegration) {
    const response = await t.admin.get(`/api/v1/integrations/${integration.id}/pushes`);
    return response.body.data as Array<Record<string, unknown>>;
  }

  it('refuses pushes with 422 until the integration has a mapping, and logs why', async () => {
    const integration = await webhookIntegration();
    expect((await t.admin.get(mappingUrl(integration))).body.data).toEqual({
      version: 0,
      mapping: null,
    });
    const refused = await push(t, integration, { anything: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'MappingFailed',
      details: { path: '$', field: 'mapping' },
    });
    expect(refused.body.error.message).toContain('no mapping yet');
    expect(await loggedPushes(integration)).toEqual([
      expect.objectContaining({
        requestId: refused.body.request_id,
        outcome: 'refused',
        httpStatus: 422,
        errorCode: 'MappingFailed',
        errorMessage: expect.stringContaining('no mapping yet'),
      }),
    ]);
  });

  it('saves a mapping with the version last read, and refuses a stale version with 409', async () => {
    const integration = await webhookIntegration();
    const saved = await putMapping(integration, CHECKS_MAPPING, 0);
    expect(saved.status).toBe(200);
    expect(saved.body.data).toEqual({ version: 1, mapping: CHECKS_MAPPING });
    const stale = await putMapping(integration, { ...CHECKS_MAPPING, title: 'other' }, 0);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VersionConflict');
    expect((await t.admin.get(mappingUrl(integration))).body.data).toEqual({
      version: 1,
      mapping: CHECKS_MAPPING,
    });
    const view = (await t.admin.get(`/api/v1/integrations/${integration.id}`)).body.data;
    expect(view).toMatchObject({ settingsVersion: 1, settings: { mapping: CHECKS_MAPPING } });
  });

  it('lets exactly one of two changes made from the same version win', async () => {
    const integration = await webhookIntegration();
    const [first, second] = await Promise.all([
      putMapping(integration, { ...CHECKS_MAPPING, title: 'first' }, 0),
      putMapping(integration, { ...CHECKS_MAPPING, title: 'second' }, 0),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const winner = first.status === 200 ? first : second;
    expect((await t.admin.get(mappingUrl(integration))).body.data).toEqual(winner.body.data);
  });

  it('versions every change of the settings: a PATCH from a stale version is refused too', async () => {
    const integration = await webhookIntegration(CHECKS_MAPPING);
    const url = `/api/v1/integrations/${integration.id}`;
    const patched = await t.admin
      .patch(url)
      .send({ settingsVersion: 0, settings: { mapping: { ...CHECKS_MAPPING, title: 'x' } } });
    expect(patched.status).toBe(200);
    expect(patched.body.data.settingsVersion).toBe(1);
    const stale = await t.admin
      .patch(url)
      .send({ settingsVersion: 0, settings: { mapping: null } });
    expect(stale.status).toBe(409);
    const versionAlone = await t.admin.patch(url).send({ settingsVersion: 1 });
    expect(versionAlone.status).toBe(400);
    expect(versionAlone.body.error.details).toEqual(['settingsVersion goes with settings']);
    const renamed = await t.admin.patch(url).send({ name: 'renamed' });
    expect(renamed.body.data).toMatchObject({ name: 'renamed', settingsVersion: 1 });
  });

  it('refuses an invalid mapping with 400, one sentence per problem naming its field', async () => {
    const integration = await webhookIntegration();
    const response = await putMapping(integration, {
      alertKey: 'host',
      title: '{{ $.check ',
      severity: { values: { crit: 'Urgent' } },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('InvalidParameter');
    expect(response.body.error.details).toEqual([
      'mapping.alertKey: expected a path starting with $ (the item) or $$ (the whole body) at character 1',
      'mapping.title: expected }} or | after a path or a quoted text at character 12',
      'mapping.severity.values.crit: must be one of Critical, Warning, Info, not a string "Urgent"',
    ]);
    const created = await t.admin.post('/api/v1/integrations').send({
      name: 'bad',
      pluginId: 'webhook',
      type: 'private',
      channelId,
      settings: { mapping: { title: 't' } },
    });
    expect(created.status).toBe(400);
    expect(created.body.error.details).toEqual([
      'mapping.alertKey: is required: the paths that tell one problem from another',
    ]);
  });

  it('has no mapping for an integration of a plugin that reads its own format', async () => {
    const prometheus = await createPrivateIntegration(t, channelId);
    const response = await t.admin.get(mappingUrl(prometheus));
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('plugins that do: webhook');
  });

  it('stores what the mapping reads: items, keys, labels, severity and status maps', async () => {
    const integration = await webhookIntegration(CHECKS_MAPPING);
    const firing = await push(
      t,
      integration,
      checks(
        { host: 'db-1', check: 'backup', state: 'FAILED', level: 'crit', tags: { site: 'par' } },
        { host: 'db-2', check: 'backup', state: 'FAILED' },
      ),
    );
    expect(firing.status).toBe(200);
    expect(firing.body.data).toEqual({
      events: 2,
      stored: 2,
      deduplicated: 0,
      unrouted: 0,
      beats: 0,
    });
    const resolved = await push(
      t,
      integration,
      checks({ host: 'db-1', check: 'backup', state: 0 }),
    );
    expect(resolved.body.data).toMatchObject({ events: 1, stored: 1 });

    const alerts = (await t.admin.get('/api/v1/alerts').query({ integrationId: integration.id }))
      .body.data as Array<Record<string, unknown>>;
    expect(
      alerts.map(({ title, status, severity, labels }) => ({ title, status, severity, labels })),
    ).toEqual(
      expect.arrayContaining([
        {
          title: 'backup on db-1',
          status: 'resolved',
          severity: 'Critical',
          labels: { site: 'par' },
        },
        { title: 'backup on db-2', status: 'active', severity: 'Warning', labels: {} },
      ]),
    );
    expect(alerts).toHaveLength(2);
  });

  it('refuses with 422 a push whose alert key is missing, naming the path, and stores nothing', async () => {
    const integration = await webhookIntegration(CHECKS_MAPPING);
    const before = await rowCounts(t, integration.id);
    const response = await push(t, integration, checks({ host: 'a', check: 'x' }, { host: 'b' }));
    expect(response.status).toBe(422);
    expect(response.body.error).toEqual({
      code: 'MappingFailed',
      message:
        '$.checks[1].check: is missing, and the alert key is made of it (mapping.alertKey[1])',
      details: { path: '$.checks[1].check', field: 'mapping.alertKey[1]' },
    });
    expect(await rowCounts(t, integration.id)).toEqual(before);
    expect((await loggedPushes(integration))[0]).toMatchObject({
      httpStatus: 422,
      errorCode: 'MappingFailed',
      errorMessage: response.body.error.message,
    });
  });

  it("keeps the alert's title when a resolution carries only its key", async () => {
    const integration = await webhookIntegration({
      alertKey: '$.id',
      title: '{{ $.name }}',
      description: '{{ $.text }}',
      status: { path: '$.state', values: { OK: 'resolved' } },
    });
    await push(t, integration, { id: 'disk-1', name: 'Disk full', text: '97% used', state: 'BAD' });
    const resolved = await push(t, integration, { id: 'disk-1', state: 'OK' });
    expect(resolved.status).toBe(200);
    const alerts = (await t.admin.get('/api/v1/alerts').query({ integrationId: integration.id }))
      .body.data as Array<Record<string, unknown>>;
    expect(alerts).toEqual([
      expect.objectContaining({ status: 'resolved', title: 'Disk full', description: '97% used' }),
    ]);
  });

  it('keeps a body that is not JSON a 400', async () => {
    const integration = await webhookIntegration(CHECKS_MAPPING);
    const response = await pushRaw(t, integration, '{"checks": [');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('InvalidPayload');
  });

  describe('preview', () => {
    const previewUrl = (integration: CreatedIntegration) =>
      `/api/v1/integrations/${integration.id}/mapping/preview`;

    it('shows the events of a payload read with a candidate mapping, and the keys they fold into, storing nothing', async () => {
      const integration = await webhookIntegration();
      const before = await rowCounts(t, integration.id);
      const response = await t.admin.post(previewUrl(integration)).send({
        mapping: CHECKS_MAPPING,
        payload: checks(
          { host: 'a', check: 'x', state: 'FAILED', level: 'crit' },
          { host: 'a', check: 'x', state: 'OK' },
          { host: 'b', check: 'x', state: 'FAILED' },
        ),
      });
      expect(response.status).toBe(200);
      const { data } = response.body;
      expect(data.mapping).toBe('candidate');
      expect(
        data.events.map(({ title, status, severity, eventStatus }: Record<string, unknown>) => ({
          title,
          status,
          severity,
          eventStatus,
        })),
      ).toEqual([
        { title: 'x on a', status: 'firing', severity: 'Critical', eventStatus: 'Critical' },
        { title: 'x on a', status: 'resolved', severity: 'Warning', eventStatus: 'Ok' },
        { title: 'x on b', status: 'firing', severity: 'Warning', eventStatus: 'Warning' },
      ]);
      expect(data.alertKeys).toEqual([
        { alertKey: data.events[0].alertKey, events: [0, 1] },
        { alertKey: data.events[2].alertKey, events: [2] },
      ]);
      expect(await rowCounts(t, integration.id)).toEqual(before);
      expect(await loggedPushes(integration)).toEqual([]);
      expect((await t.admin.get(mappingUrl(integration))).body.data.mapping).toBeNull();
    });

    it("reads with the saved mapping when given none, and the plugin's sample when given no payload", async () => {
      const sentry = READY_MADE.find(({ source }) => source === 'sentry-metric-alert');
      const integration = await webhookIntegration(sentry?.mapping);
      const response = await t.admin.post(previewUrl(integration)).send({});
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({
        mapping: 'saved',
        events: [{ title: 'Too many errors', severity: 'Critical', status: 'firing' }],
      });
    });

    it('answers 400 for a candidate the checks refuse, 422 for a payload it cannot read', async () => {
      const integration = await webhookIntegration();
      const invalid = await t.admin
        .post(previewUrl(integration))
        .send({ mapping: { alertKey: '$.id' }, payload: {} });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.details).toEqual([
        'mapping.title: is required: a template of the alert title',
      ]);
      const unreadable = await t.admin
        .post(previewUrl(integration))
        .send({ mapping: CHECKS_MAPPING, payload: { checks: 'none' } });
      expect(unreadable.status).toBe(422);
      expect(unreadable.body.error.details).toEqual({ path: '$.checks', field: 'mapping.items' });
      const none = await t.admin.post(previewUrl(integration)).send({ payload: {} });
      expect(none.status).toBe(422);
      expect(none.body.error.message).toContain('no mapping yet');
    });
  });

  describe.each(READY_MADE)('the ready-made $source mapping', ({ mapping, fixtures }) => {
    it('loads through the API and reads its source as its fixtures say', async () => {
      const integration = await webhookIntegration();
      expect((await putMapping(integration, mapping)).status).toBe(200);
      expect(fixtures.length).toBeGreaterThan(0);
      for (const fixture of fixtures) {
        const response = await pushRaw(t, integration, fixture.bodyText);
        expect(response.status).toBe(200);
        expect(response.body.data.events).toBe(fixture.expected?.length);
        const [event] = (
          await t.admin.get('/api/v1/events').query({ integrationId: integration.id, limit: 1 })
        ).body.data as Array<Record<string, unknown>>;
        const [expected] = fixture.expected ?? [];
        expect(event).toMatchObject({
          alertKey: expected?.alertKey,
          title: expected?.title,
          status: expected?.status,
          severity: expected?.severity,
          labels: expected?.labels,
        });
      }
    });
  });

  it('folds the ready-made Sentry firing and resolved notifications into one alert', async () => {
    const sentry = READY_MADE.find(({ source }) => source === 'sentry-metric-alert');
    const integration = await webhookIntegration(sentry?.mapping);
    const critical = sentry?.fixtures.find(({ name }) => name.includes('critical'));
    const resolved = sentry?.fixtures.find(({ name }) => name.includes('resolved'));
    for (const fixture of [critical, resolved]) {
      expect((await pushRaw(t, integration, fixture?.bodyText ?? '')).status).toBe(200);
    }
    const alerts = (await t.admin.get('/api/v1/alerts').query({ integrationId: integration.id }))
      .body.data as Array<Record<string, unknown>>;
    expect(alerts).toEqual([
      expect.objectContaining({
        title: 'Too many errors',
        status: 'resolved',
        severity: 'Critical',
      }),
    ]);
  });
});
