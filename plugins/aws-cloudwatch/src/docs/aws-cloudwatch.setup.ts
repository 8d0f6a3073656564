/**
 * Setup guide for AWS CloudWatch through SNS. Markdown; the core fills in `{{pushUrl}}` and
 * `{{severityTable}}`. Kept in TypeScript so the build needs no asset copying.
 */
export const AWS_CLOUDWATCH_SETUP_GUIDE = `# AWS CloudWatch (through Amazon SNS)

CloudWatch alarms notify an SNS topic; the topic delivers to Alert Hub over an HTTPS
subscription. Alert Hub confirms the subscription by itself and checks the SNS signature of
every message.

## 1. Subscribe the push URL to an SNS topic

In the SNS console, in the region of your alarms, open the topic your alarms notify (or create a
**Standard** topic), then **Create subscription**:

- **Protocol**: \`HTTPS\`
- **Endpoint**: \`{{pushUrl}}\`
- **Enable raw message delivery**: leave it off. Alert Hub reads the SNS message around the
  alarm, with its signature; a raw message is refused.

Or with the AWS CLI:

\`\`\`sh
aws sns subscribe --protocol https \\
  --topic-arn arn:aws:sns:us-east-1:123456789012:alarms \\
  --notification-endpoint '{{pushUrl}}'
\`\`\`

SNS reaches HTTPS endpoints whose certificate a public CA signed: Alert Hub must be reachable
from the internet behind TLS (\`PUBLIC_URL\` set to that address).

## 2. Watch the confirmation happen

SNS sends a \`SubscriptionConfirmation\` at once. Alert Hub checks its signature, fetches its
\`SubscribeURL\` (from an SNS host only, never elsewhere) and SNS marks the subscription
**Confirmed** within seconds. The integration's push log
(\`GET /api/v1/integrations/<id>/pushes\`) shows that push with 0 events and a note such as
"Confirmed SNS subscription to arn:aws:sns:…: GET sns.us-east-1.amazonaws.com answered 200". A
repeat of the same confirmation is answered without fetching it again. If it stays **Pending
confirmation**, the push log says why (\`502 UpstreamUnavailable\` when the SNS host could not
be reached, \`401 SignatureInvalid\` when the message could not be verified); select the
subscription and **Request confirmation** to have SNS send it again.

## 3. Send the alarms to the topic

In the CloudWatch console, edit each alarm, **Configure actions** > **Notification**:

- **Alarm state trigger** \`In alarm\`: send a notification to the topic;
- add a notification for \`OK\` to the same topic, or the alert never resolves in Alert Hub;
- optionally \`Insufficient data\` too (see the severity table).

## 4. Settings of the integration (optional)

- \`topicArns\`: the topic ARNs this integration accepts, separated by commas; a message of another
  topic is refused with \`401\` and no subscription to it is confirmed. Empty: any topic.
- \`verifySignatures\` (default \`true\`): leave it on. With it off, anyone who has the push URL can
  post alarms and have Alert Hub confirm subscriptions at SNS hosts.

## What Alert Hub reads

| Alert Hub | from the SNS message and the alarm in its \`Message\` |
| --- | --- |
| alert key | \`AlarmArn\`; older messages without it: \`AWSAccountId\`/\`Region\`/\`AlarmName\` |
| status | \`NewStateValue\`: \`ALARM\` and \`INSUFFICIENT_DATA\` fire, \`OK\` resolves |
| title | \`AlarmName\` |
| description | \`NewStateReason\`, else \`AlarmDescription\` |
| labels | \`alarm_name\`, \`state\` (\`NewStateValue\`), \`account\`, \`region\` (as written: \`EU (Ireland)\`), \`namespace\`, \`metric\`, \`dimension.<name>\` per dimension |
| annotations | \`alarm_description\`, \`old_state\`, \`statistic\`, \`comparison\`, \`threshold\`, \`period_seconds\`, \`evaluation_periods\` |
| times | \`StateChangeTime\`: when a firing state starts, or when \`OK\` ends the alert |
| source link | the alarm in the AWS console, when the message has \`AlarmArn\` |

An \`UnsubscribeConfirmation\` (the subscription was deleted) gives no event; its push log entry
says so.

## Severity

CloudWatch alarms have no severity, only a state. \`ALARM\` is Critical; \`INSUFFICIENT_DATA\`
(the alarm has no data to decide on) fires at Info, so it shows without paging anyone; an alarm
that goes from \`ALARM\` to \`INSUFFICIENT_DATA\` keeps its alert open, at the higher severity,
until \`OK\`. Override the map on the integration to choose otherwise.

{{severityTable}}
`;
