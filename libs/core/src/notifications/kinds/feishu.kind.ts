import { createHmac } from 'node:crypto';
import { errorCodeVerdict } from './answer-verdicts.js';
import type { DestinationKind } from './destination-kind.js';
import { truncateUtf8 } from './truncate.js';

/** Feishu: the bot's request frequency limit (100 a minute, 5 a second). */
export const FEISHU_RATE_LIMIT_CODES = [11232];

/**
 * The `sign` of a Feishu (Lark) bot with signature verification on: base64 of HMAC-SHA256 keyed
 * with `<timestamp in s>\n<secret>` over an empty message.
 */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/** A Feishu or Lark custom bot (`…/open-apis/bot/v2/hook/<token>`): a text message. */
export const FEISHU_KIND: DestinationKind<'feishu'> = {
  id: 'feishu',
  defaultRatePerMinute: 100,
  defaultTemplate: {
    title: '[{{headline}}] {{title}}',
    body:
      'Severity: {{severity}}\nStarted: {{startsAt}}\n' +
      '{{#resolvedAt}}Resolved: {{resolvedAt}} (after {{duration}})\n{{/resolvedAt}}' +
      'Labels: {{labels}}\n{{#description}}{{description}}\n{{/description}}{{link}}',
  },
  secret: 'optional',
  takesHeaders: false,
  urlProblem: () => undefined,
  request(message, destination, now) {
    const signature: Record<string, string> = {};
    if (destination.secret !== null) {
      const timestamp = Math.floor(now.getTime() / 1000);
      signature.timestamp = String(timestamp);
      signature.sign = feishuSign(destination.secret, timestamp);
    }
    const body = {
      ...signature,
      msg_type: 'text',
      content: { text: truncateUtf8(`${message.title}\n${message.text}`, 20_000) },
    };
    return {
      url: destination.url,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(body), 'utf8'),
    };
  },
  verdict: (answer) => errorCodeVerdict(answer, 'code', 'msg', FEISHU_RATE_LIMIT_CODES),
};
