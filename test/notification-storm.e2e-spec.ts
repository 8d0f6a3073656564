import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { push } from './support/admin-fixtures.js';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import { appWithIntegration } from './support/app-with-integration.js';
import { NOTIFY_TEST_ENV } from './support/notification-env.js';
import { NotificationReceiver, webhookSignatureValid } from './support/notification-receiver.js';
import { waitFor } from './support/wait-for.js';

const ALERTS = 1000;
const PER_PUSH = 100;
const LIMIT = 20;
/** The "minute" of the bound, shortened so that the storm passes in seconds. */
const WINDOW_MS = 2000;
const SECRET = 'storm-receiver-secret-0123456789';

interface Body {
  type: string;
  notifications: Array<{ id: string; alert: { alertKey: string } }>;
}

/**
 * A storm of 1 000 alerts to a destination that takes 20 messages a minute: digests, never more
 * than 20 messages in any minute, and every notification in one of them.
 */
describe('a notification storm', () => {
  const suite = appWithIntegration({
    env: { ...NOTIFY_TEST_ENV, NOTIFY_RATE_WINDOW_MS: String(WINDOW_MS) },
  });
  let receiver: NotificationReceiver;

  beforeAll(async () => {
    receiver = await NotificationReceiver.start();
  });
  afterAll(() => receiver.close());

  it('is delivered as digests within the bound, nothing lost and nothing twice', async () => {
    const created = await suite.t.admin
      .post(`/api/v1/channels/${suite.integration.channelId}/subscriptions`)
      .send({
        name: 'storm',
        kind: 'webhook',
        url: receiver.url('/storm'),
        secret: SECRET,
        ratePerMinute: LIMIT,
      });
    expect(created.status).toBe(201);
    for (let start = 0; start < ALERTS; start += PER_PUSH) {
      const alerts = Array.from({ length: PER_PUSH }, (_, index) => ({
        fingerprint: `storm-${start + index}`,
        labels: { alertname: 'Storm', severity: 'critical', instance: `node-${start + index}` },
      }));
      expect((await push(suite.t, suite.integration, alertmanagerPush(...alerts))).status).toBe(
        200,
      );
    }
    const bodies = await waitFor(
      'every notification of the storm',
      () => {
        const accepted = receiver.accepted() as unknown as Body[];
        const carried = accepted.reduce((total, body) => total + body.notifications.length, 0);
        return carried >= ALERTS && accepted;
      },
      { timeoutMs: 120_000 },
    );
    const ids = bodies.flatMap((body) => body.notifications.map((notification) => notification.id));
    expect(new Set(ids).size).toBe(ALERTS);
    expect(ids).toHaveLength(ALERTS);
    expect(bodies.some((body) => body.type === 'digest')).toBe(true);
    expect(receiver.requests.every((request) => webhookSignatureValid(request, SECRET))).toBe(true);
    // Any LIMIT + 1 consecutive messages span at least a window (less a little clock skew).
    const times = receiver.requests.map((request) => request.receivedAt);
    for (let index = 0; index + LIMIT < times.length; index++) {
      expect((times[index + LIMIT] ?? 0) - (times[index] ?? 0)).toBeGreaterThanOrEqual(
        WINDOW_MS - 100,
      );
    }
  }, 180_000);
});
