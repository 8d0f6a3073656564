import { createHmac } from 'node:crypto';
import { errorCodeVerdict } from './answer-verdicts.js';
import type { DestinationKind } from './destination-kind.js';
import { truncateUtf8 } from './truncate.js';

/** DingTalk: "send too fast" (a robot takes 20 messages a minute). */
export const DINGTALK_RATE_LIMIT_CODES = [130101];

/**
 * The `sign` of a DingTalk robot with signing on: base64 of HMAC-SHA256 keyed with the secret
 * over `<timestamp in ms>\n<secret>` (URL-encoded when put in the query).
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** A DingTalk group robot (`https://oapi.dingtalk.com/robot/send?access_token=…`): markdown. */
export const DINGTALK_KIND: DestinationKind<'dingtalk'> = {
  id: 'dingtalk',
  defaultRatePerMinute: 20,
  defaultTemplate: {
    title: '[{{headline}}] {{title}}',
    body:
      '### [{{headline}}] {{title}}\n\n- Severity: **{{severity}}**\n- Started: {{startsAt}}\n' +
      '{{#resolvedAt}}- Resolved: {{resolvedAt}} (after {{duration}})\n{{/resolvedAt}}' +
      '- Labels: {{labels}}\n\n{{#description}}{{description}}\n\n{{/description}}' +
      '[Open in Alert Hub]({{link}})',
  },
  secret: 'optional',
  takesHeaders: false,
  urlProblem: (url) =>
    url.searchParams.has('access_token') ? undefined : 'a DingTalk robot URL has an access_token',
  request(message, destination, now) {
    const url = new URL(destination.url);
    if (destination.secret !== null) {
      const timestamp = now.getTime();
      url.searchParams.set('timestamp', String(timestamp));
      url.searchParams.set('sign', dingtalkSign(destination.secret, timestamp));
    }
    const body = {
      msgtype: 'markdown',
      markdown: {
        title: truncateUtf8(message.title, 200),
        text: truncateUtf8(message.text, 18_000),
      },
    };
    return {
      url: url.toString(),
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(body), 'utf8'),
    };
  },
  verdict: (answer) => errorCodeVerdict(answer, 'errcode', 'errmsg', DINGTALK_RATE_LIMIT_CODES),
};
