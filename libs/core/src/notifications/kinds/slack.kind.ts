import { statusVerdict } from './answer-verdicts.js';
import type { DestinationKind } from './destination-kind.js';
import { truncateUtf8 } from './truncate.js';

/** A Slack incoming webhook (`https://hooks.slack.com/services/…`): mrkdwn text; 429 when too fast. */
export const SLACK_KIND: DestinationKind<'slack'> = {
  id: 'slack',
  defaultRatePerMinute: 60,
  defaultTemplate: {
    title: '[{{headline}}] {{title}}',
    body:
      '*[{{headline}}] {{title}}*\nSeverity: *{{severity}}* · Started: {{startsAt}}\n' +
      '{{#resolvedAt}}Resolved: {{resolvedAt}} (after {{duration}})\n{{/resolvedAt}}' +
      'Labels: {{labels}}\n{{#description}}{{description}}\n{{/description}}<{{link}}|Open in Alert Hub>',
  },
  secret: 'none',
  takesHeaders: false,
  urlProblem: () => undefined,
  request(message, destination) {
    const body = { text: truncateUtf8(message.text, 39_000) };
    return {
      url: destination.url,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(body), 'utf8'),
    };
  },
  verdict: statusVerdict,
};
