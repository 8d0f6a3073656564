import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createChannel,
  createPrivateIntegration,
  type CreatedIntegration,
} from './support/admin-fixtures.js';
import { freePort } from './support/free-port.js';
import {
  alertmanagerAlerts,
  amtoolAddAlert,
  describeWithSenderBinaries,
  startAlertmanager,
  startPrometheus,
  type AmtoolAlert,
  type SenderBinaries,
  type SenderProcess,
} from './support/prometheus-senders.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_DATABASE } from './support/test-database.js';
import { waitFor } from './support/wait-for.js';

/**
 * Alert Hub behind a real Alertmanager (alerts posted with amtool) and a real Prometheus
 * evaluating rules, checked through the admin API. Needs the Debian binaries:
 * scripts/install-prometheus-binaries.sh (.ci/run calls it) puts them in .tools/usr/bin.
 */

interface StoredAlert {
  id: number;
  alertKey: string;
  channelId: string;
  status: 'active' | 'resolved';
  severity: string;
  title: string;
  startsAt: string | null;
  resolvedAt: string | null;
  repeatCount: number;
}

interface StoredEvent {
  id: number;
  status: 'firing' | 'resolved';
  annotations: Record<string, string>;
  eventTime: string;
  receivedAt: string;
}

/** Every wait on a sender is bounded by this; Prometheus needs about 7 s to its first webhook. */
const SENDER_TIMEOUT_MS = 60_000;
/** The flipping rule fires for this long, then stays quiet as long. */
const FLIP_SECONDS = 20;

const secondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000);
const wholeSecond = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

function realSenderSuite(binaries: SenderBinaries) {
  let t: TestApp;
  let dir: string;
  let alertmanager: SenderProcess | undefined;
  let prometheus: SenderProcess | undefined;
  let channelId: string;
  let integration: CreatedIntegration;
  let bearerChannelId: string;
  let bearerIntegration: CreatedIntegration;

  const senderOutput = () =>
    [alertmanager, prometheus].map((sender) => sender?.process.output() ?? '').join('\n');

  async function alertsWhere(query: Record<string, string>): Promise<StoredAlert[]> {
    const response = await t.admin.get('/api/v1/alerts').query(query);
    expect(response.status).toBe(200);
    return response.body.data as StoredAlert[];
  }

  /** The alert's own events, newest first (a later alert with the same key has its own). */
  async function eventsOf(alert: StoredAlert): Promise<StoredEvent[]> {
    const response = await t.admin.get(`/api/v1/alerts/${alert.id}`);
    expect(response.status).toBe(200);
    return response.body.data.events as StoredEvent[];
  }

  /**
   * Waits until the alert with these labels is in `state`: a status, or any condition. The
   * labels name one alert of the suite (`alertname`, plus `instance` where two share a name).
   */
  function waitForAlert(
    labels: Record<string, string>,
    state: StoredAlert['status'] | ((alert: StoredAlert) => boolean),
    timeoutMs = SENDER_TIMEOUT_MS,
  ): Promise<StoredAlert> {
    const query = Object.fromEntries(
      Object.entries(labels).map(([name, value]) => [`label.${name}`, value]),
    );
    const accept =
      typeof state === 'string' ? (alert: StoredAlert) => alert.status === state : state;
    const what = `the alert ${JSON.stringify(labels)} to be ${typeof state === 'string' ? state : 'as expected'}`;
    return waitFor(what, async () => (await alertsWhere(query)).find(accept), {
      timeoutMs,
      context: senderOutput,
    });
  }

  const amtool = (alert: AmtoolAlert) => amtoolAddAlert(binaries.amtool, alertmanager!.url, alert);

  beforeAll(async () => {
    const port = await freePort();
    t = await startTestApp({ env: { PUBLIC_URL: `http://127.0.0.1:${port}` } });
    await t.app.listen(port, '127.0.0.1');
    channelId = await createChannel(t);
    integration = await createPrivateIntegration(t, channelId);
    bearerChannelId = await createChannel(t);
    bearerIntegration = await createPrivateIntegration(t, bearerChannelId);
    // The bearer receiver's URL carries no key: Alertmanager sends it in Authorization.
    const bearerUrl = new URL(bearerIntegration.pushUrl);
    bearerUrl.search = '';

    dir = mkdtempSync(join(tmpdir(), 'alert-hub-senders-'));
    alertmanager = await startAlertmanager(binaries['prometheus-alertmanager'], dir, {
      route: {
        receiver: 'alert-hub',
        group_by: ['group'],
        group_wait: '1s',
        group_interval: '1s',
        repeat_interval: '3s',
        routes: [{ matchers: ['via="bearer"'], receiver: 'alert-hub-bearer' }],
      },
      receivers: [
        {
          name: 'alert-hub',
          webhook_configs: [{ url: integration.pushUrl, send_resolved: true, max_alerts: 0 }],
        },
        {
          name: 'alert-hub-bearer',
          webhook_configs: [
            {
              url: bearerUrl.toString(),
              send_resolved: true,
              http_config: {
                authorization: { type: 'Bearer', credentials: bearerIntegration.integrationKey },
              },
            },
          ],
        },
      ],
    });
    // The flipping rule fires from now for FLIP_SECONDS, so it resolves while the suite runs.
    const flipEpoch = Math.floor(Date.now() / 1000);
    prometheus = await startPrometheus(binaries.prometheus, dir, alertmanager.url, [
      {
        alert: 'AlwaysTrue',
        expr: 'vector(1)',
        labels: { severity: 'warning', group: 'prometheus' },
        annotations: {
          summary: 'This rule always holds',
          // The evaluation time, in the scientific notation Prometheus prints floats in.
          timestamp: '{{ with query "time()" }}{{ . | first | value }}{{ end }}',
        },
      },
      {
        alert: 'Flipping',
        expr: `vector(time() - ${flipEpoch}) % ${2 * FLIP_SECONDS} < ${FLIP_SECONDS}`,
        labels: { severity: 'critical', group: 'prometheus' },
        annotations: { summary: 'This rule holds 20 s out of 40' },
      },
    ]);
  }, 2 * SENDER_TIMEOUT_MS);

  afterAll(async () => {
    await prometheus?.process.stop();
    await alertmanager?.process.stop();
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, SENDER_TIMEOUT_MS);

  it(
    'opens an alert that amtool fired through Alertmanager, and resolves it with a past end',
    async () => {
      const labels = {
        alertname: 'DiskFull',
        group: 'disk',
        instance: 'db-1',
        severity: 'critical',
      };
      const annotations = { summary: 'Disk almost full on db-1' };
      const startsAt = wholeSecond(secondsAgo(120));
      await amtool({ labels, annotations, startsAt });

      const opened = await waitForAlert({ alertname: 'DiskFull' }, 'active');
      expect(opened).toMatchObject({
        channelId,
        severity: 'Critical',
        title: 'Disk almost full on db-1',
        startsAt: startsAt.toISOString(),
      });
      // The alert key is the fingerprint Alertmanager gave the alert.
      const [held] = await alertmanagerAlerts(alertmanager!.url, 'alertname="DiskFull"');
      expect(opened.alertKey).toBe(held?.fingerprint);

      const endsAt = wholeSecond(secondsAgo(1));
      await amtool({ labels, annotations, startsAt, endsAt });
      const resolved = await waitForAlert({ alertname: 'DiskFull' }, 'resolved');
      expect(resolved).toMatchObject({ id: opened.id, resolvedAt: endsAt.toISOString() });
      const events = await eventsOf(opened);
      expect(events.map((event) => event.status)).toEqual(['resolved', 'firing']);
    },
    2 * SENDER_TIMEOUT_MS,
  );

  it(
    'handles a group with one resolved and one firing alert per alert',
    async () => {
      const startsAt = wholeSecond(secondsAgo(300));
      const replication = (instance: string) => ({
        alertname: 'ReplicationLag',
        group: 'replication',
        instance,
        severity: 'warning',
      });
      await amtool({ labels: replication('db-1'), startsAt });
      await amtool({ labels: replication('db-2'), startsAt });
      await waitFor(
        'both ReplicationLag alerts to open',
        async () => {
          const active = await alertsWhere({
            'label.alertname': 'ReplicationLag',
            status: 'active',
          });
          return active.length === 2;
        },
        { timeoutMs: SENDER_TIMEOUT_MS, context: senderOutput },
      );

      // Alertmanager now notifies the whole group: db-1 resolved, db-2 still firing (so the
      // group's own status says "firing").
      await amtool({ labels: replication('db-1'), startsAt, endsAt: wholeSecond(secondsAgo(1)) });
      const db1 = await waitForAlert({ alertname: 'ReplicationLag', instance: 'db-1' }, 'resolved');
      const [db2] = await alertsWhere({
        'label.alertname': 'ReplicationLag',
        'label.instance': 'db-2',
      });
      expect(db2).toMatchObject({ status: 'active' });
      expect((await eventsOf(db2)).map((event) => event.status)).toEqual(['firing']);
      const [db1Resolution] = await eventsOf(db1);
      expect(db1Resolution).toMatchObject({ status: 'resolved' });
      const resolution = await t.admin.get(`/api/v1/events/${db1Resolution.id}`);
      expect(resolution.body.data.raw).toMatchObject({ status: 'resolved' });
      const held = await alertmanagerAlerts(alertmanager!.url, 'alertname="ReplicationLag"');
      expect(held.find((alert) => alert.labels.instance === 'db-2')?.status.state).toBe('active');
    },
    2 * SENDER_TIMEOUT_MS,
  );

  it(
    'accepts pushes that carry the key in an Authorization header, not in the URL',
    async () => {
      await amtool({
        labels: { alertname: 'BackupFailed', group: 'backup', via: 'bearer', severity: 'critical' },
        annotations: { summary: 'Nightly backup failed' },
        startsAt: wholeSecond(secondsAgo(60)),
      });
      const alert = await waitForAlert({ alertname: 'BackupFailed' }, 'active');
      expect(alert).toMatchObject({ channelId: bearerChannelId, title: 'Nightly backup failed' });
      const stored = await alertsWhere({ integrationId: bearerIntegration.id });
      expect(stored.map((candidate) => candidate.id)).toEqual([alert.id]);
    },
    2 * SENDER_TIMEOUT_MS,
  );

  it(
    'takes the event time of a Prometheus alert from its timestamp annotation',
    async () => {
      const alert = await waitForAlert({ alertname: 'AlwaysTrue' }, 'active');
      expect(alert).toMatchObject({
        channelId,
        severity: 'Warning',
        title: 'This rule always holds',
      });
      const events = await eventsOf(alert);
      expect(events).toHaveLength(1);
      const [event] = events;
      const annotated = event.annotations.timestamp;
      expect(annotated).toMatch(/^\d\.\d+e\+09$/);
      expect(Date.parse(event.eventTime)).toBe(Math.round(Number(annotated) * 1000));
      // Evaluated by Prometheus, then grouped by Alertmanager: earlier than received.
      expect(Date.parse(event.eventTime)).toBeLessThan(Date.parse(event.receivedAt));
    },
    2 * SENDER_TIMEOUT_MS,
  );

  it(
    'counts the repeats Alertmanager sends and stores no event for them',
    async () => {
      const repeated = await waitForAlert(
        { alertname: 'AlwaysTrue' },
        (candidate) => candidate.repeatCount >= 2,
      );
      expect(repeated.status).toBe('active');
      expect(await eventsOf(repeated)).toHaveLength(1);
    },
    2 * SENDER_TIMEOUT_MS,
  );

  it(
    'opens and resolves the flipping rule while the other alert of its group keeps firing',
    async () => {
      // Its first firing window may be missed by a slow start: then it fires in the next one.
      const resolved = await waitForAlert(
        { alertname: 'Flipping' },
        'resolved',
        3 * SENDER_TIMEOUT_MS,
      );
      expect(resolved).toMatchObject({ channelId, severity: 'Critical' });
      const events = await eventsOf(resolved);
      expect(events.map((event) => event.status)).toEqual(['resolved', 'firing']);
      const [alwaysTrue] = await alertsWhere({ 'label.alertname': 'AlwaysTrue' });
      expect(alwaysTrue).toMatchObject({ status: 'active' });
      expect(await eventsOf(alwaysTrue)).toHaveLength(1);
    },
    4 * SENDER_TIMEOUT_MS,
  );
}

describeWithSenderBinaries(`real Alertmanager and Prometheus (${TEST_DATABASE})`, realSenderSuite);
