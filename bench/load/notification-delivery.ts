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
