import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import {
  createChannel,
  createPrivateIntegration,
  createSharedIntegration,
  push,
  putRoutes,
} from './support/admin-fixtures.js';
import { ENABLED_PLUGIN_IDS } from './support/enabled-plugins.js';
import { recordRoutes, type RegisteredRoute } from './support/registered-routes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Operation {
  security?: Array<Record<string, string[]>>;
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Schema {
  $ref?: string;
  allOf?: Schema[];
  items?: Schema;
  enum?: string[];
  properties?: Record<string, Schema>;
  required?: string[];
}
interface OpenApiDocument {
  security: Array<Record<string, string[]>>;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, unknown> };
}

/** The UI and the document themselves are not part of the API they describe. */
const isApiDocsRoute = (url: string) =>
  url === '/docs' || url.startsWith('/docs/') || url.startsWith('/docs-');

/** Fastify's `/a/:id` is OpenAPI's `/a/{id}`. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const ERROR_RESPONSE_REF = '#/components/schemas/ApiErrorResponse';

const PUSH_PATH = '/webhooks/{pluginId}';

/** The route that serves a documented path: a plugin's push path is served by the push route. */
const servingPath = (path: string) =>
  ENABLED_PLUGIN_IDS.some((id) => path === `/webhooks/${id}`) ? PUSH_PATH : path;

/** The admin API's only open operations: they take the token, or end a session. */
const SIGN_IN_AND_OUT = ['POST /api/v1/session', 'DELETE /api/v1/session'];

describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  const routes: RegisteredRoute[] = [];
  let registered: Array<{ method: string; path: string }> = [];

  beforeAll(async () => {
    t = await startTestApp({ beforeInit: recordRoutes(routes) });
    registered = routes
      .filter(
        ({ method, url, page }) =>
          method !== 'HEAD' && method !== 'OPTIONS' && !isApiDocsRoute(url) && page !== 'console',
      )
      .map(({ method, url }) => ({ method: method.toLowerCase(), path: openApiPath(url) }));
    const response = await t.http.get('/docs-json');
    expect(response.status).toBe(200);
    document = response.body as OpenApiDocument;
  });
  afterAll(() => t.close());

  /** The object has every required property of the schema and none it does not document. */
  const expectShape = (value: object, schemaName: string) => {
    const schema = document.components.schemas[schemaName];
    const keys = Object.keys(value).sort();
    expect({ schemaName, keys }).toEqual({
      schemaName,
      keys: expect.arrayContaining(schema?.required ?? []),
    });
    expect({
      schemaName,
      undocumented: keys.filter((k) => !(k in (schema?.properties ?? {}))),
    }).toEqual({ schemaName, undocumented: [] });
  };

  /** The component a schema refers to, directly, as `allOf` or as the items of an array. */
  const referred = (schema: Schema | undefined): Schema | undefined => {
    const ref = schema?.$ref ?? schema?.allOf?.[0]?.$ref ?? schema?.items?.$ref;
    return ref === undefined ? undefined : document.components.schemas[ref.split('/').at(-1) ?? ''];
  };

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );

  it('documents every route the server serves, and no other', () => {
    // Guards the check itself: had the hook seen nothing, everything below would pass.
    expect(registered).toEqual(
      expect.arrayContaining([
        { method: 'post', path: '/webhooks/{pluginId}' },
        { method: 'get', path: '/api/v1/channels/{id}' },
        { method: 'get', path: '/readyz' },
      ]),
    );
    const served = registered.map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    // A plugin's own push operation (`POST /webhooks/standard`) is served by the push route.
    const documented = operations().map(
      ({ method, path }) => `${method.toUpperCase()} ${servingPath(path)}`,
    );
    expect({ missingFromDocument: served.filter((route) => !documented.includes(route)) }).toEqual({
      missingFromDocument: [],
    });
    expect({ notServed: documented.filter((route) => !served.includes(route)) }).toEqual({
      notServed: [],
    });
  });

  it('gives every operation a success schema, and its errors in the one error shape', () => {
    for (const { path, method, operation } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      const statuses = Object.keys(operation.responses);
      const success = statuses.filter((status) => status.startsWith('2'));
      // A push may be answered 202 when its plugin's source expects it; any other route has one.
      expect({ where, success }).toEqual({
        where,
        success: servingPath(path) === PUSH_PATH ? ['200', '202'] : [expect.any(String)],
      });
      for (const status of success.filter((code) => code !== '204')) {
        const content = Object.values(operation.responses[status]?.content ?? {});
        expect({ where, status, successSchema: content[0]?.schema !== undefined }).toEqual({
          where,
          status,
          successSchema: true,
        });
      }
      const errors = statuses.filter((s) => s.startsWith('4') || s.startsWith('5'));
      if (path.startsWith('/api/v1/') || path.startsWith('/webhooks/')) {
        expect({ where, hasErrors: errors.length > 0 }).toEqual({ where, hasErrors: true });
      }
      for (const error of errors) {
        const schema = operation.responses[error]?.content?.['application/json']?.schema;
        expect({ where, error, schema: schema?.$ref }).toEqual({
          where,
          error,
          schema: ERROR_RESPONSE_REF,
        });
      }
    }
  });

  it('asks for the credentials each route really wants', () => {
    // The admin token, or the console's session cookie.
    expect(document.security).toEqual([{ 'admin-token': [] }, { 'admin-session': [] }]);
    for (const { path, method, operation } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      if (SIGN_IN_AND_OUT.includes(where)) {
        expect({ where, security: operation.security }).toEqual({ where, security: [{}] });
      } else if (path.startsWith('/api/v1/')) {
        // Inherits the document's admin token; a route may not open itself in the docs only.
        expect({ where, security: operation.security }).toEqual({ where, security: undefined });
      } else if (path.startsWith('/webhooks/')) {
        expect({ where, security: operation.security }).toEqual({
          where,
          security: expect.arrayContaining([
            { 'integration-key': [] },
            { 'integration-key-bearer': [] },
          ]),
        });
      } else {
        expect({ where, security: operation.security }).toEqual({
          where,
          security: expect.arrayContaining([{}]),
        });
      }
    }
  });

  it("shows the standard plugin's own body at POST /webhooks/standard, a push like any other", () => {
    const generic = document.paths[PUSH_PATH]?.post;
    const standard = document.paths['/webhooks/standard']?.post;
    const body = standard?.requestBody?.content['application/json']?.schema as
      { oneOf?: Array<{ title?: string; required?: string[] }> } | undefined;
    expect(body?.oneOf?.map(({ title, required }) => ({ title, required }))).toEqual([
      { title: 'Alert Hub event', required: ['action'] },
      { title: 'Alert Hub batch', required: ['events'] },
      { title: 'PagerDuty Events API v2 event', required: ['event_action'] },
      { title: 'Flashduty standard alert event', required: ['event_status'] },
    ]);
    expect(Object.keys(standard?.responses ?? {})).toEqual(Object.keys(generic?.responses ?? {}));
    expect(standard?.security).toEqual(generic?.security);
    // Only plugins that declare their body get an operation of their own.
    expect(document.paths['/webhooks/prometheus']).toBeUndefined();
  });

  it('lists every error a push can answer', () => {
    const statuses = Object.keys(document.paths['/webhooks/{pluginId}']?.post?.responses ?? {});
    expect(statuses).toEqual(
      expect.arrayContaining([
        '400',
        '401',
        '403',
        '404',
        '409',
        '413',
        '415',
        '422',
        '502',
        '503',
      ]),
    );
  });

  it('describes what the API really answers', async () => {
    const channelId = await createChannel(t);
    expectShape((await t.admin.get(`/api/v1/channels/${channelId}`)).body.data, 'Channel');
    const integration = await createPrivateIntegration(t, channelId);
    const view = (await t.admin.get(`/api/v1/integrations/${integration.id}`)).body.data;
    expectShape(view, 'IntegrationView');
    const pushed = await push(t, integration, alertmanagerPush({ fingerprint: 'openapi-1' }));
    expectShape(pushed.body, 'PushResponse');
    expectShape(pushed.body.data, 'PushSummary');
    const [event] = (await t.admin.get('/api/v1/events')).body.data;
    expectShape(event, 'AlertEvent');
    expectShape((await t.admin.get(`/api/v1/events/${event.id}`)).body.data, 'AlertEventDetail');
    const [alert] = (await t.admin.get('/api/v1/alerts')).body.data;
    expectShape(alert, 'Alert');
    const [plugin] = (await t.admin.get('/api/v1/plugins')).body.data;
    expectShape(plugin, 'PluginSummary');
    const refused = await t.http.post('/webhooks/prometheus').send(alertmanagerPush());
    expectShape(refused.body, 'ApiErrorResponse');
    expectShape(refused.body.error, 'ApiErrorBody');
  });

  it('describes what the routes, their preview and the push log answer', async () => {
    const channelId = await createChannel(t);
    const shared = await createSharedIntegration(t);
    const routesUrl = `/api/v1/integrations/${shared.id}/routes`;
    await putRoutes(t, shared.id, {
      rules: [
        {
          name: 'named alerts',
          conditions: [{ field: 'labels.alertname', operator: 'exists' }],
          channelIds: [channelId],
        },
      ],
      defaultChannelIds: [channelId],
    });
    const routes = (await t.admin.get(routesUrl)).body.data;
    expectShape(routes, 'RoutesView');
    expectShape(routes.rules[0], 'RouteRuleView');
    expectShape(routes.rules[0].conditions[0], 'RouteConditionDto');

    const preview = (await t.admin.post(`${routesUrl}/preview`).send({})).body.data;
    expectShape(preview, 'RoutePreviewView');
    expectShape(preview.events[0], 'PreviewedEvent');
    expectShape(preview.events[0].matchedRules[0], 'MatchedRule');
    const nowhere = { routes: { rules: [] } };
    const wouldRefuse = (await t.admin.post(`${routesUrl}/preview`).send(nowhere)).body.data;
    expectShape(wouldRefuse.refused, 'PreviewRefusal');

    const integration = await createPrivateIntegration(t, channelId);
    await push(t, integration, alertmanagerPush({ fingerprint: 'openapi-log-1' }));
    await push(t, integration, { alerts: 'not a list' });
    const logged = await t.admin.get(`/api/v1/integrations/${integration.id}/pushes`);
    const [refused, accepted] = logged.body.data;
    expectShape(refused, 'PushLogView');
    expect(refused.counts).toBeNull();
    expectShape(accepted, 'PushLogView');
    expectShape(accepted.counts, 'PushSummary');
  });

  it('describes heartbeats: the settings a client sends, what GET shows and the ping answers', async () => {
    const create = document.paths['/api/v1/integrations']?.post;
    const createBody = referred(create?.requestBody?.content['application/json']?.schema);
    const heartbeat = referred(createBody?.properties?.heartbeat);
    expect(heartbeat?.required).toEqual(expect.arrayContaining(['intervalSeconds', 'source']));
    expect(Object.keys(heartbeat?.properties ?? {}).sort()).toEqual([
      'conditions',
      'enabled',
      'graceSeconds',
      'intervalSeconds',
      'source',
    ]);
    expect(referred(heartbeat?.properties?.source)?.enum).toEqual(['ping', 'push', 'events']);

    const integration = await t.admin.post('/api/v1/integrations').send({
      name: 'cron job',
      pluginId: 'prometheus',
      type: 'private',
      channelId: await createChannel(t),
      heartbeat: { intervalSeconds: 300, source: 'ping' },
    });
    expectShape(integration.body.data, 'IntegrationView');
    expectShape(integration.body.data.heartbeat, 'HeartbeatView');
    const pinged = await t.http
      .get('/webhooks/prometheus/heartbeat')
      .query({ integration_key: integration.body.data.integrationKey });
    expectShape(pinged.body, 'PushResponse');
    expectShape(pinged.body.data, 'PushSummary');
    for (const method of ['get', 'post']) {
      const ping = document.paths['/webhooks/{pluginId}/heartbeat']?.[method];
      expect(Object.keys(ping?.responses ?? {})).toEqual(
        expect.arrayContaining(['200', '401', '403', '409', '503']),
      );
    }
  });

  it('describes what the mapping, its preview and a mapped push answer', async () => {
    const channelId = await createChannel(t);
    const integration = await createPrivateIntegration(t, channelId, 'webhook');
    const mappingUrl = `/api/v1/integrations/${integration.id}/mapping`;
    expectShape((await t.admin.get(mappingUrl)).body.data, 'MappingView');
    const mapping = {
      alertKey: '$.id',
      title: '{{ $.name }}',
      description: '{{ $.text }}',
      labels: { host: '{{ $.host }}' },
      links: { sourceUrl: '{{ $.url }}' },
      eventTime: { path: '$.at', format: 'epoch' },
      severity: { path: '$.level', values: { high: 'Critical' }, default: 'Info' },
      status: { path: '$.state', values: { ok: 'resolved' } },
    };
    const saved = (await t.admin.put(mappingUrl).send({ version: 0, mapping })).body.data;
    expectShape(saved, 'MappingView');
    expectShape(saved.mapping, 'EventMappingSchema');
    expectShape(saved.mapping.eventTime, 'EventTimeSchema');
    expectShape(saved.mapping.severity, 'SeveritySectionSchema');
    expectShape(saved.mapping.status, 'StatusSectionSchema');
    const payload = {
      id: 1,
      name: 'n',
      text: 't',
      host: 'h',
      url: 'https://x.example/1',
      at: 1796544000,
      level: 'high',
    };
    const preview = (await t.admin.post(`${mappingUrl}/preview`).send({ payload })).body.data;
    expectShape(preview, 'MappingPreviewView');
    expectShape(preview.events[0], 'MappedEventView');
    expectShape(preview.alertKeys[0], 'AlertKeyFold');
    const refused = await push(t, integration, { name: 'no id' });
    expect(refused.status).toBe(422);
    expectShape(refused.body.error, 'ApiErrorBody');
    const view = (await t.admin.get(`/api/v1/integrations/${integration.id}`)).body.data;
    expectShape(view, 'IntegrationView');
  });

  it('documents the mapping a client sends, and its settings kind', () => {
    const put = document.paths['/api/v1/integrations/{id}/mapping']?.put;
    const replace = referred(put?.requestBody?.content['application/json']?.schema);
    expect(replace?.required).toEqual(['version', 'mapping']);
    const mapping = referred(replace?.properties?.mapping);
    expect(mapping?.required).toEqual(['alertKey', 'title']);
    expect(Object.keys(mapping?.properties ?? {}).sort()).toEqual([
      'alertKey',
      'description',
      'eventTime',
      'items',
      'labels',
      'labelsFrom',
      'links',
      'severity',
      'status',
      'title',
    ]);
    expect(document.components.schemas.PluginSettingSchema?.properties?.kind?.enum).toContain(
      'mapping',
    );
  });

  it('documents the routing rules a client sends, with every operator', () => {
    const put = document.paths['/api/v1/integrations/{id}/routes']?.put;
    const replace = referred(put?.requestBody?.content['application/json']?.schema);
    expect(replace?.required).toEqual(expect.arrayContaining(['version', 'rules']));
    const rule = referred(replace?.properties?.rules);
    expect(rule?.required).toEqual(expect.arrayContaining(['name', 'conditions', 'channelIds']));
    const condition = referred(rule?.properties?.conditions);
    expect(condition?.required).toEqual(['field', 'operator']);
    expect(Object.keys(condition?.properties ?? {}).sort()).toEqual([
      'field',
      'operator',
      'value',
      'values',
    ]);
    expect([...(referred(condition?.properties?.operator)?.enum ?? [])].sort()).toEqual([
      'equals',
      'exists',
      'in',
      'not_equals',
      'not_exists',
      'not_in',
      'not_regex',
      'regex',
    ]);

    const preview = document.paths['/api/v1/integrations/{id}/routes/preview']?.post;
    const previewBody = referred(preview?.requestBody?.content['application/json']?.schema);
    expect(Object.keys(previewBody?.properties ?? {}).sort()).toEqual([
      'eventIds',
      'payload',
      'routes',
    ]);
    const candidate = referred(previewBody?.properties?.routes);
    expect(referred(candidate?.properties?.rules)).toBe(rule);
  });

  it('serves the Swagger UI at /docs without credentials', async () => {
    const page = await t.http.get('/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('swagger-ui-bundle.js');
    const bundle = await t.http.get('/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
    const init = await t.http.get('/docs/swagger-ui-init.js');
    expect(init.status).toBe(200);
    expect(init.text).toContain('/webhooks/{pluginId}');
  });
});
