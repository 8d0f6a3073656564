import { errorCodeVerdict } from './answer-verdicts.js';
import type { DestinationKind } from './destination-kind.js';
import { truncateUtf8 } from './truncate.js';

/** WeCom: API frequency over the limit (a group robot takes 20 messages a minute). */
export const WECOM_RATE_LIMIT_CODES = [45009];

/** A WeCom group robot (`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`): markdown. */
export const WECOM_KIND: DestinationKind<'wecom'> = {
  id: 'wecom',
  defaultRatePerMinute: 20,
  defaultTemplate: {
    title: '[{{headline}}] {{title}}',
    body:
      '**[{{headline}}] {{title}}**\n> Severity: {{severity}}\n> Started: {{startsAt}}\n' +
      '{{#resolvedAt}}> Resolved: {{resolvedAt}} (after {{duration}})\n{{/resolvedAt}}' +
      '> Labels: {{labels}}\n{{#description}}{{description}}\n{{/description}}[Open in Alert Hub]({{link}})',
  },
  secret: 'none',
  takesHeaders: false,
  urlProblem: (url) =>
    url.searchParams.has('key') ? undefined : 'a WeCom robot URL has the robot key as ?key=',
  request(message, destination) {
    // The markdown content is at most 4096 bytes.
    const body = { msgtype: 'markdown', markdown: { content: truncateUtf8(message.text, 4000) } };
    return {
      url: destination.url,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(body), 'utf8'),
    };
  },
  verdict: (answer) => errorCodeVerdict(answer, 'errcode', 'errmsg', WECOM_RATE_LIMIT_CODES),
};
