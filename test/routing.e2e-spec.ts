import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { alertmanagerPush, type TestAlert } from './support/alertmanager-payload.js';
import {
  createChannel,
  createPrivateIntegration,
  createSharedIntegration,
  push,
  putRoutes,
  type CreatedIntegration,
  type TestRouteSet,
} from './support/admin-fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Condition = TestRouteSet['rules'][number]['conditions'][number];

describe('routing of shared integrations', () => {
  let t: TestApp;
  let db: string;
  let web: string;
  let oncall: string;
  let fallback: string;

  beforeAll(async () => {
    t = await startTestApp();
    [db, web, oncall, fallback] = await Promise.all([
      createChannel(t, 'DB team'),
      createChannel(t, 'Web team'),
      createChannel(t, 'On-call'),
      createChannel(t, 'Everything else'),
    ]);
  });
  afterAll(() => t.close());

  /** The channel of each event stored for the key, null for an unrouted one, sorted. */
  async function channelsOf(alertKey: string): Promise<Array<string | null>> {
    const response = await t.admin.get('/api/v1/events').query({ alertKey });
    const events = response.body.data as Array<{ channelId: string | null }>;
    return events.map((event) => event.channelId).sort();
  }

  function alert(fingerprint: string, labels: Record<string, string>, more: TestAlert = {}) {
    return { fingerprint, labels: { alertname: 'Routed', ...labels }, ...more };
  }

  function routesUrl(integration: CreatedIntegration) {
    return `/api/v1/integrations/${integration.id}/routes`;
  }

  describe('GET and PUT routes', () => {
    it('starts a shared integration with no rules at version 0, then replaces them whole', async () => {
      const shared = await createSharedIntegration(t);
      const initial = await t.admin.get(routesUrl(shared));
      expect(initial.status).toBe(200);
      expect(initial.body.data).toEqual({ version: 0, rules: [], defaultChannelIds: [] });

      const rules = [
        {
          name: 'database',
          conditions: [{ field: 'labels.team', operator: 'equals', value: 'db' }],
          channelIds: [db],
        },
      ];
      const saved = await t.admin
        .put(routesUrl(shared))
        .send({ version: 0, rules, defaultChannelIds: [fallback] });
      expect(saved.status).toBe(200);
      const expected = {
        version: 1,
        rules: [{ ...rules[0], continue: false }],
        defaultChannelIds: [fallback],
      };
      expect(saved.body.data).toEqual(expected);
      expect((await t.admin.get(routesUrl(shared))).body.data).toEqual(expected);
    });

    it('refuses a stale version with 409 VersionConflict: of two changes from one version, one wins', async () => {
      const shared = await createSharedIntegration(t);
      const change = (channelId: string) =>
        t.admin
          .put(routesUrl(shared))
          .send({ version: 0, rules: [], defaultChannelIds: [channelId] });
      const [first, second] = await Promise.all([change(db), change(web)]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      const loser = first.status === 409 ? first : second;
      expect(loser.body.error.code).toBe('VersionConflict');
      expect(loser.body.error.message).toMatch(/since version 0 \(now 1\)/);

      const winner = first.status === 200 ? first : second;
      const stored = await t.admin.get(routesUrl(shared));
      expect(stored.body.data).toEqual(winner.body.data);

      const stale = await change(oncall);
      expect(stale.status).toBe(409);
    });

    it('answers 400 with the reason for what it cannot use', async () => {
      const shared = await createSharedIntegration(t);
      const attempt = (rule: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
        t.admin.put(routesUrl(shared)).send({
          version: 0,
          rules: [{ name: 'r', conditions: [], channelIds: [db], ...rule }],
          ...extra,
        });

      const unknownChannel = await attempt({
        channelIds: ['00000000-0000-4000-8000-000000000000'],
      });
      expect(unknownChannel.status).toBe(400);
      expect(unknownChannel.body.error.message).toMatch(
        /unknown channel 00000000-0000-4000-8000-000000000000/,
      );
      const unknownDefault = await attempt(
        {},
        { defaultChannelIds: ['00000000-0000-4000-8000-000000000001'] },
      );
      expect(unknownDefault.status).toBe(400);

      const unknownOperator = await attempt({
        conditions: [{ field: 'title', operator: 'contains', value: 'x' }],
      });
      expect(unknownOperator.status).toBe(400);
      expect(unknownOperator.body.error.details.join()).toMatch(
        /rules\.0\.conditions\.0\.operator must be one of/,
      );

      const badRegex = await attempt({
        conditions: [{ field: 'labels.instance', operator: 'regex', value: 'db-(\\d+' }],
      });
      expect(badRegex.status).toBe(400);
      expect(badRegex.body.error.code).toBe('InvalidParameter');
      expect(badRegex.body.error.message).toMatch(
        /rules\[0\]\.conditions\[0\]: value is not a usable regular expression: .*missing closing \)/,
      );

      const unknownField = await attempt({
        conditions: [{ field: 'hostname', operator: 'exists' }],
      });
      expect(unknownField.status).toBe(400);
      expect(unknownField.body.error.message).toMatch(/not "hostname"/);

      const valueForExists = await attempt({
        conditions: [{ field: 'labels.team', operator: 'exists', value: 'db' }],
      });
      expect(valueForExists.body.error.message).toMatch(/exists takes no value/);

      const noChannels = await attempt({ channelIds: [] });
      expect(noChannels.status).toBe(400);

      const noVersion = await t.admin.put(routesUrl(shared)).send({ rules: [] });
      expect(noVersion.status).toBe(400);
      expect(noVersion.body.error.details.join()).toMatch(/version must be an integer/);

      expect((await t.admin.get(routesUrl(shared))).body.data.version).toBe(0);
    });

    it('answers 400 for the routes of a private integration: it has its channel', async () => {
      const own = await createPrivateIntegration(t, db);
      const read = await t.admin.get(routesUrl(own));
      expect(read.status).toBe(400);
      expect(read.body.error.message).toMatch(/is private/);
      const write = await t.admin.put(routesUrl(own)).send({ version: 0, rules: [] });
      expect(write.status).toBe(400);
    });

    it('answers 404 for an integration that does not exist', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      expect((await t.admin.get(`/api/v1/integrations/${missing}/routes`)).status).toBe(404);
    });

    it('refuses to delete a channel that rules send to, naming the integration', async () => {
      const target = await createChannel(t);
      const shared = await createSharedIntegration(t);
      await putRoutes(t, shared.id, { rules: [], defaultChannelIds: [target] });
      const refused = await t.admin.delete(`/api/v1/channels/${target}`);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('ChannelInUse');
      expect(refused.body.error.message).toContain(shared.id);

      await putRoutes(t, shared.id, { rules: [], defaultChannelIds: [fallback] });
      expect((await t.admin.delete(`/api/v1/channels/${target}`)).status).toBe(204);
    });
  });

  describe('deciding where each event goes', () => {
    let shared: CreatedIntegration;
    beforeAll(async () => {
      shared = await createSharedIntegration(t);
    });

    const operatorCases: Array<{
      name: string;
      condition: Condition;
      hit: TestAlert;
      miss: TestAlert;
    }> = [
      {
        name: 'equals',
        condition: { field: 'labels.team', operator: 'equals', value: 'db' },
        hit: { labels: { team: 'db' } },
        miss: { labels: { team: 'DB' } },
      },
      {
        name: 'not_equals (a missing label is not equal)',
        condition: { field: 'labels.team', operator: 'not_equals', value: 'web' },
        hit: { labels: {} },
        miss: { labels: { team: 'web' } },
      },
      {
        name: 'in',
        condition: { field: 'labels.team', operator: 'in', values: ['db', 'dba'] },
        hit: { labels: { team: 'dba' } },
        miss: { labels: { team: 'web' } },
      },
      {
        name: 'not_in',
        condition: { field: 'labels.team', operator: 'not_in', values: ['web', 'ops'] },
        hit: { labels: { team: 'db' } },
        miss: { labels: { team: 'ops' } },
      },
      {
        name: 'regex (anywhere in the value)',
        condition: { field: 'labels.instance', operator: 'regex', value: 'db-\\d+' },
        hit: { labels: { instance: 'eu-db-7:9100' } },
        miss: { labels: { instance: 'web-1' } },
      },
      {
        name: 'not_regex (a missing label does not match)',
        condition: { field: 'labels.instance', operator: 'not_regex', value: '^web-' },
        hit: { labels: {} },
        miss: { labels: { instance: 'web-1' } },
      },
      {
        name: 'exists',
        condition: { field: 'labels.team', operator: 'exists' },
        hit: { labels: { team: 'anything' } },
        miss: { labels: {} },
      },
      {
        name: 'not_exists',
        condition: { field: 'labels.team', operator: 'not_exists' },
        hit: { labels: {} },
        miss: { labels: { team: 'db' } },
      },
      {
        name: 'equals on the mapped severity',
        condition: { field: 'severity', operator: 'equals', value: 'Critical' },
        hit: { labels: { severity: 'critical' } },
        miss: { labels: { severity: 'warning' } },
      },
      {
        name: 'equals on the status',
        condition: { field: 'status', operator: 'equals', value: 'resolved' },
        hit: { labels: {}, status: 'resolved' },
        miss: { labels: {} },
      },
      {
        name: 'regex on the title',
        condition: { field: 'title', operator: 'regex', value: '(?i)^disk' },
        hit: { labels: {}, annotations: { summary: 'DISK almost full' } },
        miss: { labels: {}, annotations: { summary: 'CPU is hot' } },
      },
      {
        name: 'exists on the description',
        condition: { field: 'description', operator: 'exists' },
        hit: { labels: {}, annotations: { summary: 's', description: 'details' } },
        miss: { labels: {}, annotations: { summary: 's' } },
      },
    ];

    it.each(operatorCases)('$name', async ({ name, condition, hit, miss }) => {
      await putRoutes(t, shared.id, {
        rules: [{ name, conditions: [condition], channelIds: [db] }],
        defaultChannelIds: [fallback],
      });
      const key = name.replace(/\W+/g, '-');
      const response = await push(
        t,
        shared,
        alertmanagerPush(
          alert(`${key}-hit`, hit.labels ?? {}, hit),
          alert(`${key}-miss`, miss.labels ?? {}, miss),
        ),
      );
      expect(response.status).toBe(200);
      expect(await channelsOf(`${key}-hit`)).toEqual([db]);
      expect(await channelsOf(`${key}-miss`)).toEqual([fallback]);
    });

    it('tries rules in order and stops at the first match', async () => {
      await putRoutes(t, shared.id, {
        rules: [
          {
            name: 'prod db',
            conditions: [
              { field: 'labels.team', operator: 'equals', value: 'db' },
              { field: 'labels.env', operator: 'equals', value: 'prod' },
            ],
            channelIds: [oncall],
          },
          {
            name: 'db',
            conditions: [{ field: 'labels.team', operator: 'equals', value: 'db' }],
            channelIds: [db],
          },
        ],
        defaultChannelIds: [fallback],
      });
      await push(
        t,
        shared,
        alertmanagerPush(
          alert('order-prod', { team: 'db', env: 'prod' }),
          alert('order-dev', { team: 'db', env: 'dev' }),
        ),
      );
      expect(await channelsOf('order-prod')).toEqual([oncall]);
      expect(await channelsOf('order-dev')).toEqual([db]);
    });

    it('fans out with continue: one stored event and one alert per channel', async () => {
      await putRoutes(t, shared.id, {
        rules: [
          {
            name: 'db',
            conditions: [{ field: 'labels.team', operator: 'equals', value: 'db' }],
            channelIds: [db],
            continue: true,
          },
          {
            name: 'critical',
            conditions: [{ field: 'severity', operator: 'equals', value: 'Critical' }],
            channelIds: [oncall, db],
          },
        ],
        defaultChannelIds: [fallback],
      });
      const firing = alert('fanout-1', { team: 'db', severity: 'critical' });
      const response = await push(t, shared, alertmanagerPush(firing));
      expect(response.body.data).toEqual({
        events: 1,
        stored: 2,
        deduplicated: 0,
        unrouted: 0,
        beats: 0,
      });
      expect(await channelsOf('fanout-1')).toEqual([db, oncall].sort());

      const resolved = await push(
        t,
        shared,
        alertmanagerPush({ ...firing, status: 'resolved', endsAt: '2026-11-01T10:09:00Z' }),
      );
      expect(resolved.body.data.stored).toBe(2);
      const alerts = await t.admin.get('/api/v1/alerts').query({ alertKey: 'fanout-1' });
      const byChannel = (alerts.body.data as Array<{ channelId: string; status: string }>)
        .map(({ channelId, status }) => ({ channelId, status }))
        .sort((a, b) => a.channelId.localeCompare(b.channelId));
      expect(byChannel).toEqual(
        [db, oncall].sort().map((channelId) => ({ channelId, status: 'resolved' })),
      );
    });

    it('sends to the default channels only what no rule matched', async () => {
      await putRoutes(t, shared.id, {
        rules: [
          {
            name: 'web',
            conditions: [{ field: 'labels.team', operator: 'equals', value: 'web' }],
            channelIds: [web],
            continue: true,
          },
        ],
        defaultChannelIds: [fallback, oncall],
      });
      await push(
        t,
        shared,
        alertmanagerPush(alert('default-web', { team: 'web' }), alert('default-other', {})),
      );
      expect(await channelsOf('default-web')).toEqual([web]);
      expect(await channelsOf('default-other')).toEqual([fallback, oncall].sort());
    });

    it('stores what matched nothing as unrouted when there is no default, and counts it', async () => {
      await putRoutes(t, shared.id, {
        rules: [
          {
            name: 'db',
            conditions: [{ field: 'labels.team', operator: 'equals', value: 'db' }],
            channelIds: [db],
          },
        ],
        defaultChannelIds: [],
      });
      const response = await push(
        t,
        shared,
        alertmanagerPush(
          alert('unrouted-db', { team: 'db' }),
          alert('unrouted-web', { team: 'web' }),
        ),
      );
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual({
        events: 2,
        stored: 2,
        deduplicated: 0,
        unrouted: 1,
        beats: 0,
      });
      expect(await channelsOf('unrouted-web')).toEqual([null]);

      const unrouted = await t.admin
        .get('/api/v1/events')
        .query({ unrouted: 'true', integrationId: shared.id });
      expect(unrouted.body.data.map((event: { alertKey: string }) => event.alertKey)).toContain(
        'unrouted-web',
      );
      expect(unrouted.body.data.map((event: { alertKey: string }) => event.alertKey)).not.toContain(
        'unrouted-db',
      );
      const alerts = await t.admin.get('/api/v1/alerts').query({ alertKey: 'unrouted-web' });
      expect(alerts.body.data).toEqual([]);
    });

    it('refuses the push with 422 NoRoute when there are neither rules nor a default', async () => {
      const empty = await createSharedIntegration(t);
      const before = await push(t, empty, alertmanagerPush(alert('noroute-1', {})));
      expect(before.status).toBe(422);
      expect(before.body.error.code).toBe('NoRoute');

      await putRoutes(t, empty.id, { rules: [], defaultChannelIds: [] });
      const after = await push(t, empty, alertmanagerPush(alert('noroute-1', {})));
      expect(after.status).toBe(422);
      expect(await channelsOf('noroute-1')).toEqual([]);
    });

    it('routes promptly past a catastrophic-backtracking pattern on a 100 000-character label', async () => {
      await putRoutes(t, shared.id, {
        rules: [
          {
            name: 'pathological',
            conditions: [{ field: 'labels.payload', operator: 'regex', value: '(a+)+$' }],
            channelIds: [db],
          },
        ],
        defaultChannelIds: [fallback],
      });
      // Label values are cut to 2048 characters before routing: every 2048-character prefix of
      // this value is a run of "a" ending in "!", which a backtracking engine never finishes.
      const payload = `${'a'.repeat(2047)}!`.repeat(49).slice(0, 100_000);
      const response = await push(t, shared, alertmanagerPush(alert('redos-1', { payload })));
      expect(response.status).toBe(200);
      expect(await channelsOf('redos-1')).toEqual([fallback]);
    });
  });

  describe('preview', () => {
    let shared: CreatedIntegration;
    const dbRule = () => ({
      name: 'database',
      conditions: [{ field: 'labels.team', operator: 'equals', value: 'db' }],
      channelIds: [db],
    });
    beforeAll(async () => {
      shared = await createSharedIntegration(t);
    });

    function previewUrl(integration: CreatedIntegration) {
      return `/api/v1/integrations/${integration.id}/routes/preview`;
    }

    it('says per event which rule matched and where it would go, storing nothing', async () => {
      const payload = alertmanagerPush(
        alert('preview-db', { team: 'db' }),
        alert('preview-web', { team: 'web' }),
      );
      const response = await t.admin.post(previewUrl(shared)).send({
        payload,
        routes: { rules: [dbRule()], defaultChannelIds: [fallback] },
      });
      expect(response.status).toBe(200);
      expect(response.body.data.routes).toBe('candidate');
      expect(response.body.data.refused).toBeNull();
      expect(response.body.data.events).toEqual([
        expect.objectContaining({
          alertKey: 'preview-db',
          outcome: 'matched',
          matchedRules: [{ index: 0, name: 'database' }],
          channelIds: [db],
        }),
        expect.objectContaining({
          alertKey: 'preview-web',
          outcome: 'default',
          matchedRules: [],
          channelIds: [fallback],
        }),
      ]);
      expect(await channelsOf('preview-db')).toEqual([]);
      expect(
        (await t.admin.get(`/api/v1/integrations/${shared.id}/routes`)).body.data.version,
      ).toBe(0);
    });

    it('tries the saved rules on the plugin sample when given neither', async () => {
      await putRoutes(t, shared.id, {
        rules: [
          {
            name: 'db hosts',
            conditions: [{ field: 'labels.instance', operator: 'regex', value: '^db-' }],
            channelIds: [db],
          },
        ],
      });
      const response = await t.admin.post(previewUrl(shared)).send({});
      expect(response.status).toBe(200);
      expect(response.body.data.routes).toBe('saved');
      expect(response.body.data.events).toEqual([
        expect.objectContaining({ title: 'Disk almost full on db-1', channelIds: [db] }),
      ]);
    });

    it('shows unrouted events, and a push that would be refused', async () => {
      const unrouted = await t.admin.post(previewUrl(shared)).send({
        payload: alertmanagerPush(alert('preview-none', { team: 'web' })),
        routes: { rules: [dbRule()] },
      });
      expect(unrouted.body.data.events[0]).toMatchObject({ outcome: 'unrouted', channelIds: [] });

      const refused = await t.admin.post(previewUrl(shared)).send({ routes: { rules: [] } });
      expect(refused.status).toBe(200);
      expect(refused.body.data.refused).toMatchObject({ status: 422, code: 'NoRoute' });
    });

    it('validates candidate rules and the payload as PUT and a push would', async () => {
      const badRule = await t.admin.post(previewUrl(shared)).send({
        routes: {
          rules: [{ ...dbRule(), conditions: [{ field: 'title', operator: 'regex', value: '(' }] }],
        },
      });
      expect(badRule.status).toBe(400);
      expect(badRule.body.error.message).toMatch(/not a usable regular expression/);

      const badPayload = await t.admin.post(previewUrl(shared)).send({ payload: { alerts: 'no' } });
      expect(badPayload.status).toBe(400);
      expect(badPayload.body.error.code).toBe('InvalidPayload');

      const own = await createPrivateIntegration(t, db);
      expect((await t.admin.post(previewUrl(own)).send({})).status).toBe(400);
    });

    it('routes stored events of the integration again, by id, instead of a payload', async () => {
      await putRoutes(t, shared.id, { rules: [], defaultChannelIds: [fallback] });
      const pushed = alertmanagerPush(
        alert('stored-db', { team: 'db' }),
        alert('stored-web', { team: 'web' }),
      );
      expect((await push(t, shared, pushed)).status).toBe(200);
      const listed = await t.admin.get(`/api/v1/events?integrationId=${shared.id}&limit=10`);
      const idOf = (alertKey: string): number =>
        listed.body.data.find((event: { alertKey: string }) => event.alertKey === alertKey).id;
      const eventIds = [idOf('stored-web'), idOf('stored-db')];

      const response = await t.admin
        .post(previewUrl(shared))
        .send({ eventIds, routes: { rules: [dbRule()] } });
      expect(response.status).toBe(200);
      expect(response.body.data.events).toEqual([
        expect.objectContaining({ alertKey: 'stored-web', outcome: 'unrouted', channelIds: [] }),
        expect.objectContaining({
          alertKey: 'stored-db',
          outcome: 'matched',
          matchedRules: [{ index: 0, name: 'database' }],
          channelIds: [db],
        }),
      ]);

      const both = await t.admin.post(previewUrl(shared)).send({ eventIds, payload: pushed });
      expect(both.status).toBe(400);
      const other = await createSharedIntegration(t);
      const notItsOwn = await t.admin.post(previewUrl(other)).send({ eventIds });
      expect(notItsOwn.status).toBe(404);
      expect(notItsOwn.body.error.code).toBe('NotFound');
    });
  });

  describe('test push', () => {
    it('goes through the routing of a shared integration', async () => {
      const shared = await createSharedIntegration(t);
      const refused = await t.admin.post(`/api/v1/integrations/${shared.id}/test`);
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('NoRoute');

      await putRoutes(t, shared.id, {
        rules: [
          {
            name: 'checkout',
            conditions: [{ field: 'labels.service', operator: 'equals', value: 'checkout' }],
            channelIds: [web],
          },
        ],
        defaultChannelIds: [fallback],
      });
      const response = await t.admin.post(`/api/v1/integrations/${shared.id}/test`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        request_id: expect.any(String),
        data: { events: 1, stored: 1, deduplicated: 0, unrouted: 0, beats: 0 },
      });
      const events = await t.admin.get('/api/v1/events').query({ integrationId: shared.id });
      expect(events.body.data.map((event: { channelId: string }) => event.channelId)).toEqual([
        web,
      ]);
    });
  });
});
