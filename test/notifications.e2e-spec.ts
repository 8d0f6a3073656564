import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, Not } from 'typeorm';
import { DeliveryAttempt } from '../libs/core/src/notifications/delivery-attempt.entity.js';
import { EventRetention } from '../libs/core/src/retention/event-retention.service.js';
import { NotificationOutboxEntry } from '../libs/core/src/notifications/notification-outbox-entry.entity.js';
import { Notification } from '../libs/core/src/notifications/notification.entity.js';
import { AlertAutoResolve } from '../libs/core/src/auto-resolve/alert-auto-resolve.service.js';
import { SilenceSweep } from '../libs/core/src/silences/silence-sweep.service.js';
import { Alert } from '../libs/core/src/events/alert.entity.js';
import { WriteQueue } from '../libs/core/src/storage/index.js';
import { push } from './support/admin-fixtures.js';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import { appWithIntegration } from './support/app-with-integration.js';
import {
  dingtalkSignValid,
  feishuSignValid,
  NotificationReceiver,
  webhookSignatureValid,
} from './support/notification-receiver.js';
import { NOTIFY_TEST_ENV } from './support/notification-env.js';
import { parseSamples, sampleValue } from './support/prometheus-text.js';
import { waitFor } from './support/wait-for.js';

const SECRET = 'a-webhook-secret-of-enough-length';

interface Delivered {
  id: string;
  sequence: number;
  type: string;
  notifications: Array<{
    id: string;
    sequence: number;
    transition: string;
    alert: { alertId: number; title: string };
  }>;
}

describe('notifications', () => {
  const suite = appWithIntegration({ env: NOTIFY_TEST_ENV });
  let receiver: NotificationReceiver;

  beforeAll(async () => {
    receiver = await NotificationReceiver.start();
  });
  afterAll(() => receiver.close());

  const subscriptions = () => `/api/v1/channels/${suite.integration.channelId}/subscriptions`;

  async function subscribe(
    body: Record<string, unknown>,
  ): Promise<{ id: string; version: number }> {
    const response = await suite.t.admin.post(subscriptions()).send(body);
    expect(response.status).toBe(201);
    return response.body.data as { id: string; version: number };
  }

  async function deliveries(subscriptionId: string, query = '') {
    const response = await suite.t.admin.get(
      `${subscriptions()}/${subscriptionId}/deliveries${query}`,
    );
    expect(response.status).toBe(200);
    return response.body as {
      data: Array<{
        id: number;
        outcome: string;
        type: string;
        notificationIds: string[];
        error: string | null;
      }>;
      nextCursor: string | null;
    };
  }

  /** A receiver path of its own per test, so that tests read only their own requests. */
  function pathOf(request: { path: string }, path: string) {
    return request.path === path;
  }

  describe('subscriptions', () => {
    it('are created, read without their secrets, changed by version and deleted', async () => {
      const created = await suite.t.admin.post(subscriptions()).send({
        name: ' pager ',
        kind: 'webhook',
        url: receiver.url('/crud?token=hidden'),
        secret: SECRET,
        headers: { Authorization: 'Bearer receiver-token' },
      });
      expect(created.status).toBe(201);
      const view = created.body.data;
      expect(view).toMatchObject({
        name: 'pager',
        kind: 'webhook',
        url: `${new URL(receiver.url()).origin}/…`,
        secret: { set: true },
        headers: { Authorization: { set: true } },
        transitions: ['alert.triggered', 'alert.resolved'],
        filter: [],
        template: null,
        ratePerMinute: 600,
        version: 0,
      });
      expect(JSON.stringify(view)).not.toContain('receiver-token');
      expect(JSON.stringify(view)).not.toContain(SECRET);

      const changed = await suite.t.admin.patch(`${subscriptions()}/${view.id}`).send({
        version: 0,
        transitions: ['alert.triggered'],
        template: { title: '{{title}}', body: '{{labels.instance}}' },
      });
      expect(changed.status).toBe(200);
      expect(changed.body.data).toMatchObject({
        version: 1,
        transitions: ['alert.triggered'],
        secret: { set: true },
      });

      const stale = await suite.t.admin
        .patch(`${subscriptions()}/${view.id}`)
        .send({ version: 0, name: 'other' });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('VersionConflict');

      expect((await suite.t.admin.delete(`${subscriptions()}/${view.id}`)).status).toBe(204);
      expect((await suite.t.admin.get(`${subscriptions()}/${view.id}`)).status).toBe(404);
    });

    it('refuse what their kind does not take, naming each problem', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [
          { name: 'x', kind: 'webhook', url: receiver.url() },
          'secret: a webhook subscription needs one',
        ],
        [
          {
            name: 'x',
            kind: 'wecom',
            url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
            secret: 'abc',
          },
          'takes none',
        ],
        [
          { name: 'x', kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send' },
          'access_token',
        ],
        [{ name: 'x', kind: 'slack', url: 'ftp://hooks.slack.com/x' }, 'must be https://'],
        [
          {
            name: 'x',
            kind: 'slack',
            url: 'https://hooks.slack.com/x',
            template: { title: '{{nope}}', body: 'b' },
          },
          'unknown placeholder {{nope}}',
        ],
        [
          {
            name: 'x',
            kind: 'slack',
            url: 'https://hooks.slack.com/x',
            filter: [{ field: 'severity', operator: 'equals', value: 'Huge' }],
          },
          'filter[0]',
        ],
        [
          { name: 'x', kind: 'slack', url: 'https://hooks.slack.com/x', headers: { A: 'b' } },
          'no custom headers',
        ],
        [{ name: 'x', kind: 'pager', url: 'https://hooks.slack.com/x' }, 'kind'],
      ];
      for (const [body, problem] of cases) {
        const response = await suite.t.admin.post(subscriptions()).send(body);
        expect({ status: response.status, code: response.body.error?.code }).toEqual({
          status: 400,
          code: 'InvalidParameter',
        });
        expect(JSON.stringify(response.body.error)).toContain(problem);
      }
      const unknownChannel = await suite.t.admin
        .post(`/api/v1/channels/${randomUUID()}/subscriptions`)
        .send({ name: 'x', kind: 'slack', url: 'https://hooks.slack.com/x' });
      expect(unknownChannel.status).toBe(404);
    });
  });

  it('delivers a trigger and then its resolve, in order, signed, with id and sequence', async () => {
    const subscription = await subscribe({
      name: 'ordered',
      kind: 'webhook',
      url: receiver.url('/ordered'),
      secret: SECRET,
    });
    const labels = { alertname: 'DiskFull', severity: 'critical', instance: 'db-1' };
    expect(
      (await push(suite.t, suite.integration, alertmanagerPush({ labels, fingerprint: 'ordered' })))
        .status,
    ).toBe(200);
    expect(
      (
        await push(
          suite.t,
          suite.integration,
          alertmanagerPush({ labels, fingerprint: 'ordered', status: 'resolved' }),
        )
      ).status,
    ).toBe(200);
    const received = await waitFor('the trigger and the resolve', () => {
      const found = receiver.requests.filter((request) => pathOf(request, '/ordered'));
      return found.length >= 2 && found;
    });
    expect(received).toHaveLength(2);
    for (const request of received) expect(webhookSignatureValid(request, SECRET)).toBe(true);
    const bodies = received.map(
      (request) => JSON.parse(request.body.toString('utf8')) as Delivered,
    );
    expect(bodies.map((body) => body.notifications[0]?.transition)).toEqual([
      'alert.triggered',
      'alert.resolved',
    ]);
    const [trigger, resolve] = bodies;
    expect(trigger?.sequence).toBeLessThan(resolve?.sequence ?? 0);
    expect(trigger?.notifications[0]?.alert.alertId).toBe(resolve?.notifications[0]?.alert.alertId);
    expect(received[0]?.headers['x-alert-hub-notification-id']).toBe(trigger?.id);
    expect(received[1]?.headers['x-alert-hub-sequence']).toBe(String(resolve?.sequence));
    // The default template: local time in the configured zone, the duration on resolve, a link.
    expect(
      (JSON.parse(received[1]?.body.toString('utf8') ?? '{}') as { text: string }).text,
    ).toMatch(/Resolved: 2026-11-01 18:05:00 \+08:00 \(after 5m\)/);
    expect(
      (JSON.parse(received[0]?.body.toString('utf8') ?? '{}') as { text: string }).text,
    ).toContain(`http://alert-hub.test/console/alerts/${trigger?.notifications[0]?.alert.alertId}`);
    const log = await deliveries(subscription.id);
    expect(log.data.map((entry) => entry.outcome)).toEqual(['delivered', 'delivered']);
  });

  it('answers 5xx and stores nothing of a push whose outbox row cannot be written', async () => {
    await subscribe({
      name: 'atomic',
      kind: 'webhook',
      url: receiver.url('/atomic'),
      secret: SECRET,
    });
    const dataSource = suite.t.app.get(DataSource);
    const writes = suite.t.app.get(WriteQueue);
    const count = async (table: string) =>
      Number((await dataSource.query<{ n: string }[]>(`SELECT COUNT(*) AS n FROM ${table}`))[0]?.n);
    // The database refuses every outbox row, as a full disk or a broken constraint would.
    const refuse =
      dataSource.options.type === 'postgres'
        ? [
            `CREATE FUNCTION refuse_outbox() RETURNS trigger LANGUAGE plpgsql AS
               $$ BEGIN RAISE EXCEPTION 'outbox refused'; END $$`,
            `CREATE TRIGGER refuse_outbox BEFORE INSERT ON notification_outbox
               FOR EACH ROW EXECUTE FUNCTION refuse_outbox()`,
          ]
        : [
            `CREATE TRIGGER refuse_outbox BEFORE INSERT ON notification_outbox
               BEGIN SELECT RAISE(ABORT, 'outbox refused'); END`,
          ];
    const allow =
      dataSource.options.type === 'postgres'
        ? ['DROP TRIGGER refuse_outbox ON notification_outbox', 'DROP FUNCTION refuse_outbox']
        : ['DROP TRIGGER refuse_outbox'];
    const run = (statements: string[]) =>
      writes.run(async () => {
        for (const statement of statements) await dataSource.query(statement);
      });
    const body = alertmanagerPush({
      labels: { alertname: 'OutboxRefused', severity: 'critical' },
      fingerprint: 'atomic',
    });
    const [events, alerts] = [await count('alert_events'), await count('alerts')];
    await run(refuse);
    try {
      const refused = await push(suite.t, suite.integration, body);
      expect(refused.status).toBeGreaterThanOrEqual(500);
      // Neither the event nor its alert: the transition was not committed without its row.
      expect([await count('alert_events'), await count('alerts')]).toEqual([events, alerts]);
    } finally {
      await run(allow);
    }
    // Sent again, the push is stored with its row, and the trigger is delivered.
    expect((await push(suite.t, suite.integration, body)).status).toBe(200);
    const [delivered] = await waitFor('the trigger of the push sent again', () => {
      const found = receiver.requests.filter((request) => pathOf(request, '/atomic'));
      return found.length >= 1 && found;
    });
    expect(
      (JSON.parse(delivered?.body.toString('utf8') ?? '{}') as Delivered).notifications.map(
        (notification) => notification.transition,
      ),
    ).toEqual(['alert.triggered']);
  });

  it('keeps notifications while the receiver is down and delivers each once when it is up', async () => {
    const path = '/down-then-up';
    let down = true;
    receiver.answer((request) =>
      pathOf(request, path) && down ? { status: 503 } : { status: 200 },
    );
    const subscription = await subscribe({
      name: 'flaky',
      kind: 'webhook',
      url: receiver.url(path),
      secret: SECRET,
    });
    const alerts = Array.from({ length: 5 }, (_, index) => ({
      labels: { alertname: 'Down', severity: 'warning', instance: `web-${index}` },
      fingerprint: `down-${index}`,
    }));
    expect((await push(suite.t, suite.integration, alertmanagerPush(...alerts))).status).toBe(200);
    await waitFor('failed attempts while the receiver is down', async () => {
      const failed = await deliveries(subscription.id, '?outcome=failed');
      return failed.data.length >= 5;
    });
    down = false;
    const delivered = await waitFor('every notification to arrive', () => {
      const accepted = receiver.requests.filter(
        (request) => pathOf(request, path) && request.answeredStatus === 200,
      );
      return accepted.length >= 5 && accepted;
    });
    const ids = delivered.map((request) => request.headers['x-alert-hub-notification-id']);
    expect(new Set(ids).size).toBe(5);
    expect(ids).toHaveLength(5);
    receiver.answer(() => ({ status: 200 }));
  });

  it('signs for a DingTalk robot and waits out its rate limit code', async () => {
    const secret = 'SEC0123456789abcdef';
    let limited = 1;
    receiver.answer((request) => {
      if (request.path !== '/robot/send') return { status: 200 };
      if (!dingtalkSignValid(request.query, secret))
        return { status: 200, body: { errcode: 310000, errmsg: 'sign not match' } };
      if (limited-- > 0) return { status: 200, body: { errcode: 130101, errmsg: 'send too fast' } };
      return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
    });
    const subscription = await subscribe({
      name: 'dingtalk',
      kind: 'dingtalk',
      url: receiver.url('/robot/send?access_token=t0ken'),
      secret,
      ratePerMinute: 1000,
    });
    expect(
      (await push(suite.t, suite.integration, alertmanagerPush({ fingerprint: 'dingtalk' })))
        .status,
    ).toBe(200);
    const log = await waitFor(
      'the DingTalk delivery',
      async () => {
        const found = await deliveries(subscription.id);
        return found.data.some((entry) => entry.outcome === 'delivered') && found;
      },
      { timeoutMs: 90_000 },
    );
    expect(log.data.map((entry) => entry.outcome)).toEqual(['delivered', 'rate_limited']);
    expect(log.data[1]?.error).toBe('errcode 130101: send too fast');
    const sent = receiver.requests.filter((request) => request.path === '/robot/send');
    expect(sent.every((request) => request.query.get('access_token') === 't0ken')).toBe(true);
    expect(JSON.parse(sent[0]?.body.toString('utf8') ?? '{}')).toMatchObject({
      msgtype: 'markdown',
    });
    receiver.answer(() => ({ status: 200 }));
  }, 120_000);

  it('signs for a Feishu bot, reads its error codes and its 429', async () => {
    const secret = 'feishu-signing-secret';
    let answered = 0;
    receiver.answer((request) => {
      if (request.path !== '/open-apis/bot/v2/hook/abc') return { status: 200 };
      const body = JSON.parse(request.body.toString('utf8')) as Record<string, unknown>;
      if (!feishuSignValid(body, secret))
        return { status: 200, body: { code: 19021, msg: 'sign match fail' } };
      answered += 1;
      if (answered === 1)
        return {
          status: 429,
          headers: { 'retry-after': '0' },
          body: { code: 11232, msg: 'frequency limited' },
        };
      return { status: 200, body: { code: 0, msg: 'success' } };
    });
    const good = await subscribe({
      name: 'feishu',
      kind: 'feishu',
      url: receiver.url('/open-apis/bot/v2/hook/abc'),
      secret,
    });
    const wrong = await subscribe({
      name: 'feishu wrong',
      kind: 'feishu',
      url: receiver.url('/open-apis/bot/v2/hook/abc'),
      secret: 'another-secret',
    });
    expect(
      (await push(suite.t, suite.integration, alertmanagerPush({ fingerprint: 'feishu' }))).status,
    ).toBe(200);
    const log = await waitFor('the Feishu delivery', async () => {
      const found = await deliveries(good.id);
      return found.data.some((entry) => entry.outcome === 'delivered') && found;
    });
    expect(log.data.map((entry) => entry.outcome)).toEqual(['delivered', 'rate_limited']);
    const refused = await waitFor('the refused signature', async () => {
      const found = await deliveries(wrong.id, '?outcome=failed');
      return found.data.length > 0 && found;
    });
    expect(refused.data[0]?.error).toBe('code 19021: sign match fail');
    receiver.answer(() => ({ status: 200 }));
  });

  it('lists deliveries a page at a time, and replays a dead notification', async () => {
    const path = '/always-failing';
    let failing = true;
    receiver.answer((request) =>
      request.path === path && failing ? { status: 500 } : { status: 200 },
    );
    const subscription = await subscribe({
      name: 'dead',
      kind: 'webhook',
      url: receiver.url(path),
      secret: SECRET,
    });
    expect(
      (await push(suite.t, suite.integration, alertmanagerPush({ fingerprint: 'dead-letter' })))
        .status,
    ).toBe(200);
    const dead = await waitFor(
      'the notification to be dead',
      () =>
        notifications()
          .findOneBy({ subscriptionId: subscription.id, state: 'dead' })
          .then((found) => found ?? false),
      { timeoutMs: 30_000 },
    );
    const lastAttempt = (await deliveries(subscription.id, '?limit=1')).data[0];
    expect(lastAttempt?.notificationIds).toEqual([dead.id]);
    expect(lastAttempt?.outcome).toBe('failed');

    const first = await deliveries(subscription.id, '?limit=1');
    expect(first.data).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await deliveries(subscription.id, `?limit=1&cursor=${first.nextCursor}`);
    expect(second.data[0]?.id).toBeLessThan(first.data[0]?.id ?? 0);
    expect((await deliveries(subscription.id, '?outcome=delivered')).data).toEqual([]);
    expect(
      (await deliveries(subscription.id, `?since=${new Date(Date.now() + 60_000).toISOString()}`))
        .data,
    ).toEqual([]);

    failing = false;
    const replayed = await suite.t.admin.post(
      `${subscriptions()}/${subscription.id}/deliveries/${lastAttempt?.id}/replay`,
    );
    expect(replayed.status).toBe(200);
    expect(replayed.body.data).toEqual({ requeued: 1 });
    await waitFor(
      'the replayed notification',
      async () => (await deliveries(subscription.id, '?outcome=delivered')).data.length === 1,
    );
    receiver.answer(() => ({ status: 200 }));
  }, 60_000);

  const notifications = () => suite.t.app.get(DataSource).getRepository(Notification);

  it('replays a notification delivered at its first attempt, with its id, from the log', async () => {
    const subscription = await subscribe({
      name: 'replayed from the log',
      kind: 'webhook',
      url: receiver.url('/replayed'),
      secret: SECRET,
    });
    const body = alertmanagerPush({ fingerprint: 'replayed-from-log' });
    expect((await push(suite.t, suite.integration, body)).status).toBe(200);
    const received = () => receiver.requests.filter((request) => pathOf(request, '/replayed'));
    await waitFor('the first delivery', () => received().length === 1);
    const [attempt] = (
      await waitFor('its attempt', async () => {
        const log = await deliveries(subscription.id);
        return log.data.length === 1 && log;
      })
    ).data;
    expect(attempt?.outcome).toBe('delivered');
    // Delivered at once, it kept no row of its own: the delivery log names it.
    expect(await notifications().countBy({ subscriptionId: subscription.id })).toBe(0);

    const replayed = await suite.t.admin.post(
      `${subscriptions()}/${subscription.id}/deliveries/${attempt?.id}/replay`,
    );
    expect(replayed.body.data).toEqual({ requeued: 1 });
    await waitFor('the replay', () => received().length === 2);
    const [first, again] = received().map(
      (request) => JSON.parse(request.body.toString('utf8')) as Delivered,
    );
    expect(again?.notifications.map((n) => [n.id, n.sequence, n.transition])).toEqual(
      first?.notifications.map((n) => [n.id, n.sequence, n.transition]),
    );
    expect(first?.notifications[0]?.id).toBe(attempt?.notificationIds[0]);
  });

  it('tells a new subscription of transitions from its creation on, not before', async () => {
    const alert = (alertname: string) =>
      alertmanagerPush({ labels: { alertname, severity: 'warning' }, fingerprint: alertname });
    expect((await push(suite.t, suite.integration, alert('BeforeTheSubscription'))).status).toBe(
      200,
    );
    const subscription = await subscribe({
      name: 'late',
      kind: 'webhook',
      url: receiver.url('/late'),
      secret: SECRET,
    });
    expect((await push(suite.t, suite.integration, alert('AfterTheSubscription'))).status).toBe(
      200,
    );
    const received = () => receiver.requests.filter((request) => pathOf(request, '/late'));
    await waitFor('the later trigger', () => received().length >= 1);
    await waitFor('the log read', async () => (await deliveries(subscription.id)).data.length >= 1);
    const told = received().flatMap(
      (request) => (JSON.parse(request.body.toString('utf8')) as Delivered).notifications,
    );
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told)).toContain('AfterTheSubscription');
    expect(JSON.stringify(told)).not.toContain('BeforeTheSubscription');
  });

  it('sends a test message, and previews a stored alert without sending it', async () => {
    const subscription = await subscribe({
      name: 'trials',
      kind: 'slack',
      url: receiver.url('/services/T/B/X'),
      template: {
        title: '{{title}}',
        body: '{{headline}} on {{labels.instance}}{{#resolvedAt}} after {{duration}}{{/resolvedAt}}',
      },
    });
    // Other subscriptions of the channel may still be delivering: only this one's path counts.
    const sent = () => receiver.requests.filter((request) => pathOf(request, '/services/T/B/X'));
    const before = sent().length;
    const tested = await suite.t.admin.post(`${subscriptions()}/${subscription.id}/test`);
    expect(tested.status).toBe(200);
    expect(tested.body.data).toMatchObject({ type: 'test', outcome: 'delivered', httpStatus: 200 });
    expect(sent().length).toBe(before + 1);

    const alerts = await suite.t.admin
      .get('/api/v1/alerts')
      .query({ channelId: suite.integration.channelId, status: 'resolved' });
    const alert = (alerts.body.data as Array<{ id: number }>)[0];
    const preview = await suite.t.admin
      .post(`${subscriptions()}/${subscription.id}/preview`)
      .send({ alertId: alert?.id });
    expect(preview.status).toBe(200);
    expect(preview.body.data.text).toMatch(/^Resolved on db-1 after 5m$/);
    expect(JSON.parse(preview.body.data.body)).toEqual({ text: preview.body.data.text });
    expect(sent().length).toBe(before + 1);
    const missing = await suite.t.admin
      .post(`${subscriptions()}/${subscription.id}/preview`)
      .send({ alertId: 999_999 });
    expect(missing.status).toBe(404);
  });

  it('purges delivered notifications and the delivery log with the events, never a pending one', async () => {
    const dataSource = suite.t.app.get(DataSource);
    const old = new Date(Date.now() - 40 * 86_400_000);
    const delivered = await notifications().findOneByOrFail({ state: 'delivered' });
    await notifications().update({ id: delivered.id }, { finishedAt: old });
    const pending = await notifications().findOneByOrFail({
      state: 'delivered',
      id: Not(delivered.id),
    });
    await notifications().update(
      { id: pending.id },
      {
        state: 'pending',
        finishedAt: null,
        createdAt: old,
        nextAttemptAt: new Date(Date.now() + 86_400_000),
      },
    );
    const attempts = dataSource.getRepository(DeliveryAttempt);
    const oldest = await attempts.findOneOrFail({ where: {}, order: { id: 'ASC' } });
    await attempts.update({ id: oldest.id }, { attemptedAt: old });
    // The log: old rows every subscription has read go; the last one, which one subscription is
    // made to have still to read, stays.
    await dataSource
      .createQueryBuilder()
      .update(NotificationOutboxEntry)
      .set({ occurredAt: old })
      .execute();
    const last = await dataSource
      .getRepository(NotificationOutboxEntry)
      .findOneOrFail({ where: {}, order: { id: 'DESC' } });
    const [{ key } = { key: 0 }] = await dataSource.query<{ key: number }[]>(
      dataSource.options.type === 'postgres'
        ? `SELECT order_key AS key FROM notification_outbox WHERE id = ${last.id}`
        : 'SELECT 0 AS key',
    );
    const behind = await subscribe({
      name: 'behind',
      kind: 'webhook',
      url: receiver.url('/behind'),
      secret: SECRET,
    });
    await dataSource.query(
      `UPDATE notification_subscriptions SET log_key = ${Number(key)}, log_id = ${last.id - 1} WHERE id = '${behind.id}'`,
    );
    await dataSource.getRepository(DeliveryAttempt).delete({ subscriptionId: behind.id });
    const purged = await suite.t.app.get(EventRetention).purge();
    expect(purged).toMatchObject({ notifications: 1, deliveries: 1 });
    expect(purged.transitions).toBeGreaterThan(0);
    expect(
      await dataSource.getRepository(NotificationOutboxEntry).findOneBy({ id: last.id }),
    ).not.toBeNull();
    expect(await notifications().findOneBy({ id: delivered.id })).toBeNull();
    expect(await notifications().findOneBy({ id: pending.id })).not.toBeNull();
    expect(await attempts.findOneBy({ id: oldest.id })).toBeNull();
  });

  it('counts deliveries by kind and outcome, and shows the outbox depth', async () => {
    const metrics = parseSamples((await suite.t.http.get('/metrics')).text);
    expect(
      sampleValue(metrics, 'alert_hub_notification_deliveries_total', {
        kind: 'webhook',
        outcome: 'delivered',
      }),
    ).toBeGreaterThan(0);
    expect(
      sampleValue(metrics, 'alert_hub_notification_deliveries_total', {
        kind: 'dingtalk',
        outcome: 'rate_limited',
      }),
    ).toBe(1);
    expect(sampleValue(metrics, 'alert_hub_notification_outbox_depth')).toBeGreaterThanOrEqual(0);
  });

  // Last: the preview above takes the newest resolved alert of the channel.
  it('notifies the resolve of an alert the auto-resolve sweep resolved, at its time', async () => {
    await subscribe({
      name: 'swept',
      kind: 'webhook',
      url: receiver.url('/swept'),
      secret: SECRET,
    });
    const body = alertmanagerPush({
      labels: { alertname: 'SweptAway', severity: 'warning' },
      fingerprint: 'swept',
    });
    expect((await push(suite.t, suite.integration, body)).status).toBe(200);
    const received = () => receiver.requests.filter((request) => pathOf(request, '/swept'));
    const [trigger] = await waitFor('the trigger', () => received().length >= 1 && received());
    const alertId = (JSON.parse(trigger?.body.toString('utf8') ?? '{}') as Delivered)
      .notifications[0]?.alert.alertId;
    // The alert's auto-resolve time passed a minute ago (as for an event that never resolves).
    const alerts = suite.t.app.get(DataSource).getRepository(Alert);
    const alert = await alerts.findOneByOrFail({ id: alertId, status: 'active' });
    const due = new Date(Date.now() - 60_000);
    await suite.t.app.get(WriteQueue).run(() => alerts.update(alert.id, { autoResolveAt: due }));
    expect((await suite.t.app.get(AlertAutoResolve).resolveExpired()).alerts).toBe(1);
    const [, resolve] = await waitFor('the resolve', () => received().length >= 2 && received());
    const delivered = JSON.parse(resolve?.body.toString('utf8') ?? '{}') as Delivered & {
      notifications: Array<{ alert: { resolvedAt: string } }>;
    };
    expect(delivered.notifications.map((n) => [n.transition, n.alert.alertId])).toEqual([
      ['alert.resolved', alert.id],
    ]);
    expect(delivered.notifications[0]?.alert.resolvedAt).toBe(due.toISOString());
  });
  it('notifies an alert held by a silence once the sweep finds the silence ended, once', async () => {
    const subscription = await subscribe({
      name: 'unsilenced',
      kind: 'webhook',
      url: receiver.url('/unsilenced'),
      secret: SECRET,
    });
    const silence = await suite.t.admin.post('/api/v1/silences').send({
      reason: 'maintenance',
      mode: 'mark',
      conditions: [{ field: 'labels.alertname', operator: 'equals', value: 'HeldBack' }],
      scope: { type: 'integration', integrationId: suite.integration.id },
      schedule: {
        type: 'once',
        start: new Date(Date.now() - 60_000).toISOString(),
        end: new Date(Date.now() + 3_600_000).toISOString(),
      },
    });
    expect(silence.status).toBe(201);
    const body = alertmanagerPush({ labels: { alertname: 'HeldBack' }, fingerprint: 'held-back' });
    expect((await push(suite.t, suite.integration, body)).status).toBe(200);
    const sweep = suite.t.app.get(SilenceSweep);
    // Still in force: the sweep leaves the alert silenced, and nobody is told of it.
    expect(await sweep.runNow()).toMatchObject({ unsilenced: 0 });

    const silenceId = (silence.body as { data: { id: string } }).data.id;
    expect((await suite.t.admin.delete(`/api/v1/silences/${silenceId}`)).status).toBe(200);
    expect(await sweep.runNow()).toMatchObject({ unsilenced: 1 });
    expect(await sweep.runNow()).toMatchObject({ unsilenced: 0 });
    const received = () => receiver.requests.filter((request) => pathOf(request, '/unsilenced'));
    const [trigger] = await waitFor('the trigger', () => received().length >= 1 && received());
    const delivered = JSON.parse(trigger?.body.toString('utf8') ?? '{}') as Delivered;
    const shown = await suite.t.app
      .get(DataSource)
      .getRepository(Alert)
      .findOneByOrFail({ integrationId: suite.integration.id, unsilencedAt: Not(IsNull()) });
    expect(delivered.notifications.map((n) => [n.transition, n.alert.alertId])).toEqual([
      ['alert.triggered', shown.id],
    ]);
    // Every notification of the subscription is settled: the trigger was the only one.
    await waitFor('the queue settled', async () => {
      const log = await deliveries(subscription.id);
      return log.data.length >= 1;
    });
    const log = await deliveries(subscription.id);
    expect(log.data.flatMap((attempt) => attempt.notificationIds)).toHaveLength(1);
    expect(received()).toHaveLength(1);
  });
});
