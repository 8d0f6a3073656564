/**
 * Setup guide for the Alibaba Cloud CloudMonitor console. Markdown; the core fills in
 * `{{pushUrl}}` and `{{severityTable}}`. Kept in TypeScript so the build needs no asset copying.
 */
export const ALIYUN_CLOUDMONITOR_SETUP_GUIDE = `# Alibaba Cloud CloudMonitor (云监控)

Alert Hub receives two kinds of CloudMonitor callbacks at one URL:

- **threshold alerts** (metric alert rules): a form-encoded POST
  (\`application/x-www-form-urlencoded\`); the same fields sent as JSON are read too;
- **system events** (ECS instance state changes, …): a JSON POST.

CloudMonitor signs callbacks with a \`signature\` field whose algorithm is not documented, so Alert
Hub cannot check it: keep the push URL, and the integration key in it, secret.

## 1. Threshold alerts: add the callback to your alert rules

1. In the CloudMonitor console open **Alerts → Alert Rules** (报警服务 → 报警规则) and create or
   edit a rule.
2. Under the notification settings, set the **alert callback** (报警回调) URL to:
   \`{{pushUrl}}\`
3. Save. CloudMonitor posts when the rule fires (\`alertState=ALERT\`), when it recovers
   (\`alertState=OK\`) and when data is missing (\`INSUFFICIENT_DATA\`); a failed callback is tried
   three times with a 5 second timeout.

## 2. System events: subscribe a webhook

In **Event Center → Event Subscription**, create a subscription with a push channel of type
**Webhook**, method **POST**, data format **JSON**, and the URL \`{{pushUrl}}\`.

System events never resolve: CloudMonitor sends no follow-up when the event is over. Alert Hub
opens each as an **informational** alert (label \`resolves=never\`, severity Info whatever the
event's level, which stays in label \`eventLevel\`). The next event of the same name on the same
resource updates it, and it resolves by itself once no such event came for the integration's
\`autoResolveAfterSeconds\` (an hour unless you change it).

## What Alert Hub reads

| Alert Hub | threshold alert | system event |
| --- | --- | --- |
| status | \`alertState\`: \`ALERT\`/\`ALARM\`/\`INSUFFICIENT_DATA\` firing, \`OK\` resolved | always firing |
| alert key | \`ruleId\` and a hash of the sorted \`dimensions\` (the resource) | \`product\`, \`name\` and \`resourceId\` |
| title | \`alertName\` | \`name\` on the resource |
| description | metric, condition (\`expression\`) and current value (\`curValue\`, \`unit\`) | \`content\` as JSON |
| event time | \`timestamp\` (seconds or milliseconds) | \`eventTime\` |
| labels | the dimensions, \`alertState\`, \`triggerLevel\`, \`preTriggerLevel\`, \`ruleId\`, \`metricProject\`, \`metricName\`, \`instanceName\`, \`userId\`, \`regionId\`, \`productGroupName\` | \`eventName\`, \`eventLevel\`, \`product\`, \`regionId\`, \`resourceId\`, \`userId\`, \`resolves\` |

Fields CloudMonitor sends as the word \`null\` are left out.

## Severity

{{severityTable}}
`;
