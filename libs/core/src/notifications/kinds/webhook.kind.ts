import { createHmac } from 'node:crypto';
import { statusVerdict } from './answer-verdicts.js';
import type { DestinationKind, OutgoingMessage } from './destination-kind.js';

/** Headers every webhook delivery carries; README: Notifications, verifying a delivery. */
export const WEBHOOK_HEADERS = {
  signature: 'x-alert-hub-signature',
  timestamp: 'x-alert-hub-timestamp',
  delivery: 'x-alert-hub-delivery',
  notificationId: 'x-alert-hub-notification-id',
  sequence: 'x-alert-hub-sequence',
} as const;

/**
 * `sha256=` and the hex HMAC-SHA256, keyed with the subscription's secret, of the timestamp
 * (Unix seconds, as in the timestamp header), a dot and the body's bytes.
 */
export function webhookSignature(secret: string, timestampSeconds: number, body: Buffer): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestampSeconds}.`);
  hmac.update(body);
  return `sha256=${hmac.digest('hex')}`;
}

/** The JSON a webhook receives: the message, and every notification it carries. */
function webhookBody(message: OutgoingMessage): Record<string, unknown> {
  const notifications = message.notifications.map((content) => ({
    id: content.id,
    sequence: content.sequence,
    transition: content.transition,
    occurredAt: content.occurredAt.toISOString(),
    alert: content.alert,
  }));
  const [single] = notifications;
  return {
    type: message.type,
    ...(message.type === 'notification' && single !== undefined
      ? { id: single.id, sequence: single.sequence }
      : {}),
    title: message.title,
    text: message.text,
    notifications,
  };
}

/** Any HTTP endpoint: a signed JSON document per delivery; a 2xx is success. */
export const WEBHOOK_KIND: DestinationKind<'webhook'> = {
  id: 'webhook',
  defaultRatePerMinute: 600,
  defaultTemplate: {
    title: '[{{headline}}] {{title}}',
    body:
      '{{severity}} alert {{headline}}: {{title}}\nStarted: {{startsAt}}\n' +
      '{{#resolvedAt}}Resolved: {{resolvedAt}} (after {{duration}})\n{{/resolvedAt}}' +
      '{{#description}}{{description}}\n{{/description}}Labels: {{labels}}\n{{link}}',
  },
  secret: 'required',
  takesHeaders: true,
  urlProblem: () => undefined,
  request(message, destination, now) {
    const body = Buffer.from(JSON.stringify(webhookBody(message)), 'utf8');
    const timestamp = Math.floor(now.getTime() / 1000);
    const headers: Record<string, string> = {
      ...destination.headers,
      'content-type': 'application/json',
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
      [WEBHOOK_HEADERS.delivery]: message.type,
    };
    if (destination.secret !== null) {
      headers[WEBHOOK_HEADERS.signature] = webhookSignature(destination.secret, timestamp, body);
    }
    const [single] = message.notifications;
    if (message.type === 'notification' && single !== undefined) {
      headers[WEBHOOK_HEADERS.notificationId] = single.id;
      headers[WEBHOOK_HEADERS.sequence] = String(single.sequence);
    }
    return { url: destination.url, headers, body };
  },
  verdict: statusVerdict,
};
