import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** One alert of a pushed webhook body, as the baselines keep it. */
export interface ReceivedAlert {
  fingerprint: string;
  status: string;
  labels: string;
  annotations: string;
  startsAt: string;
  raw: string;
}

/** Answers a push the way Alert Hub does, so the load generator counts every system alike. */
export function answer(response: ServerResponse, status: number, events: number, stored: number) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ data: { events, stored, deduplicated: 0, unrouted: 0 } }));
}

function alertsOf(body: unknown): ReceivedAlert[] {
  const alerts = (body as { alerts?: unknown }).alerts;
  if (!Array.isArray(alerts)) throw new Error('no alerts array');
  return alerts.map((alert: Record<string, unknown>) => ({
    fingerprint: String(alert.fingerprint),
    status: String(alert.status),
    labels: JSON.stringify(alert.labels),
    annotations: JSON.stringify(alert.annotations),
    startsAt: String(alert.startsAt),
    raw: JSON.stringify(alert),
  }));
}

/**
 * A bare node:http server that reads each POST body as JSON and hands its alerts to `accept`,
 * which answers. Nothing else: the ceiling of any Node receiver on this machine.
 */
export function serveAlerts(
  accept: (alerts: ReceivedAlert[], response: ServerResponse) => void,
): void {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let alerts: ReceivedAlert[];
      try {
        alerts = alertsOf(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        answer(response, 400, 0, 0);
        return;
      }
      accept(alerts, response);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.BENCH_PORT), '127.0.0.1');
}
