import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { hubAdmin, type AlertHubUnderTest } from '../lib/systems.js';

/** Lets the Hub's notifications reach the bench's receiver on this machine. */
export const LOCAL_RECEIVER_ENV = {
  OUTBOUND_ALLOW_HTTP: 'true',
  OUTBOUND_ALLOWED_ADDRESSES: '127.0.0.1/32',
};

/** The subscription's bounds: the highest a subscription may have, to measure the worker. */
const RATE_PER_MINUTE = 6000;
const CONCURRENCY = 16;

export interface DeliveryFigures {
  system: string;
  messages: number;
  notifications: number;
  /** From the first message received to the last. */
  seconds: number;
  messagesPerS: number;
  notificationsPerS: number;
  /** Time from the end of the load until the outbox was empty. */
  drainS: number;
}

/** A local webhook receiver answering 200 at once, counting messages and the notifications in them. */
export async function startBenchReceiver() {
  const counts = { messages: 0, notifications: 0, firstAt: 0, lastAt: 0 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        notifications: unknown[];
      };
      counts.messages += 1;
      counts.notifications += body.notifications.length;
      counts.lastAt = Date.now();
      if (counts.firstAt === 0) counts.firstAt = counts.lastAt;
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bench`,
    counts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type BenchReceiver = Awaited<ReturnType<typeof startBenchReceiver>>;

/** Subscribes the Hub's bench channel to the receiver. */
export async function subscribeToReceiver(
  hub: AlertHubUnderTest,
  receiver: BenchReceiver,
): Promise<void> {
  await hubAdmin(hub)(`/api/v1/channels/${hub.channelId}/subscriptions`, {
    name: 'bench receiver',
    kind: 'webhook',
    url: receiver.url,
    secret: 'bench-receiver-secret-0123456789',
    ratePerMinute: RATE_PER_MINUTE,
    concurrency: CONCURRENCY,
  });
}

async function outboxDepth(hub: AlertHubUnderTest): Promise<number> {
  const text = await (await fetch(`${hub.server.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find((candidate) => candidate.startsWith('alert_hub_notification_outbox_depth '));
  return line === undefined ? Number.NaN : Number(line.split(' ')[1]);
}

/**
 * What the worker delivered while one scenario's load ran, and how much it still had to send when
 * the load ended: a throughput bought by putting delivery off until the pushes stop shows here,
 * where the figures taken after the load (`measureDelivery`) cannot tell it apart.
 */
export interface DeliveryDuringLoad {
  /** Notifications the receiver got between the start and the end of the load. */
  notifications: number;
  /** The outbox depth (notifications and transitions not yet sent) when the load ended. */
  outboxAtEnd: number;
}

/** Starts counting what reaches the receiver; `stop` when the load ends. */
export function watchDeliveryDuringLoad(
  hub: AlertHubUnderTest,
  receiver: BenchReceiver,
): { stop: () => Promise<DeliveryDuringLoad> } {
  const before = receiver.counts.notifications;
  return {
    stop: async () => {
      const notifications = receiver.counts.notifications - before;
      return { notifications, outboxAtEnd: await outboxDepth(hub) };
    },
  };
}

/** The notifications the load queued, as events acknowledged: one per event in the bench. */
interface LoadOfDelivery {
  ackedEvents: number;
  eventsPerS: number;
  deliveryDuringLoad?: DeliveryDuringLoad;
}

/** The notifications delivered during the load, in % of the events it acknowledged. */
function sharePercent(load: LoadOfDelivery, during: DeliveryDuringLoad): number {
  return load.ackedEvents > 0 ? (100 * during.notifications) / load.ackedEvents : 0;
}

/** How far behind the load the worker was when it ended, in seconds of the load's events. */
function behindS(load: LoadOfDelivery, during: DeliveryDuringLoad): number {
  return load.eventsPerS > 0 ? during.outboxAtEnd / load.eventsPerS : 0;
}

export function formatDeliveryDuringLoad(load: LoadOfDelivery): string {
  const during = load.deliveryDuringLoad;
  if (during === undefined) return 'no delivery watched';
  const share = sharePercent(load, during);
  return (
    `delivered during the load: ${during.notifications} notifications (${share.toFixed(0)}% of the events acked); ` +
    `outbox when it ended: ${during.outboxAtEnd} (${behindS(load, during).toFixed(1)} s of its events)`
  );
}

/** Per scenario of a notified system: the median run's delivery during the load, and every run's lag. */
export function formatDeliveryDuringLoadTable(
  measurements: readonly (LoadOfDelivery & {
    systemLabel: string;
    scenarioLabel: string;
    runs?: LoadOfDelivery[];
  })[],
): string {
  const lines = [
    '| system | load | delivered during load, % of events | outbox at its end | behind at its end, s | every run, s behind |',
    '| --- | --- | ---: | ---: | ---: | --- |',
  ];
  for (const m of measurements) {
    const during = m.deliveryDuringLoad;
    if (during === undefined) continue;
    const share = sharePercent(m, during);
    const everyRun = (m.runs ?? [m])
      .map((run) =>
        run.deliveryDuringLoad === undefined
          ? '?'
          : behindS(run, run.deliveryDuringLoad).toFixed(1),
      )
      .join(', ');
    lines.push(
      `| ${m.systemLabel} | ${m.scenarioLabel} | ${share.toFixed(0)} | ${during.outboxAtEnd} | ${behindS(m, during).toFixed(1)} | ${everyRun} |`,
    );
  }
  return lines.join('\n');
}

/** Once the load stopped: waits for the outbox to empty (at most two minutes), then reports. */
export async function measureDelivery(
  hub: AlertHubUnderTest,
  receiver: BenchReceiver,
  log: (line: string) => void,
): Promise<DeliveryFigures> {
  const started = Date.now();
  let depth = await outboxDepth(hub);
  while (depth > 0 && Date.now() - started < 120_000) {
    await delay(250);
    depth = await outboxDepth(hub);
  }
  const { messages, notifications, firstAt, lastAt } = receiver.counts;
  const seconds = Math.max((lastAt - firstAt) / 1000, 0.001);
  const figures = {
    system: hub.label,
    messages,
    notifications,
    seconds,
    messagesPerS: messages / seconds,
    notificationsPerS: notifications / seconds,
    drainS: (Date.now() - started) / 1000,
  };
  log(
    `  delivered ${notifications} notifications in ${messages} messages over ${seconds.toFixed(1)} s ` +
      `(${figures.notificationsPerS.toFixed(0)} notifications/s, ${figures.messagesPerS.toFixed(0)} messages/s); ` +
      `outbox ${depth === 0 ? 'empty' : `still ${depth}`} ${figures.drainS.toFixed(1)} s after the load`,
  );
  return figures;
}

export function formatDeliveryTable(figures: DeliveryFigures[]): string {
  const lines = [
    '| system | notifications | messages | s | notifications/s | messages/s | drained after load, s |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const f of figures) {
    lines.push(
      `| ${f.system} | ${f.notifications} | ${f.messages} | ${f.seconds.toFixed(1)} | ${f.notificationsPerS.toFixed(0)} | ${f.messagesPerS.toFixed(0)} | ${f.drainS.toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}
