/**
 * Setup guide for the Volcengine console. Markdown; the core fills in `{{pushUrl}}` and
 * `{{severityTable}}`. Kept in TypeScript so the build needs no asset copying.
 */
export const VOLCENGINE_PROMETHEUS_SETUP_GUIDE = `# Volcengine Managed Prometheus (VMP)

Alert Hub receives the alerts of Volcengine's managed Prometheus (VMP) through a generic webhook.
The notification is Alertmanager-like JSON; every alert in it becomes one event.

## 1. Create a generic webhook

Menu names differ a little between console versions; the steps are the same.

1. In the Volcengine console, open **Managed Prometheus (VMP)**, then its alert management.
2. Add a notification channel of the **generic webhook** type (通用 Webhook):
   - **URL**: \`{{pushUrl}}\`
   - **Method**: \`POST\`, with a JSON body (\`Content-Type: application/json\`).
3. Send a test notification and check that it arrives (Alert Hub lists the push in the
   integration's push log).

## 2. Use it in an alert notification policy

Create or edit the alert notification policy (告警通知策略) that your alerting rules use and add
the webhook to it. Keep recovery notifications on: without them alerts never resolve in Alert Hub.

## What Alert Hub reads

| Alert Hub | from the VMP alert |
| --- | --- |
| status | the alert's own \`status\` |
| alert key | a hash of \`alertname\`, \`fingerprint\` and the labels without \`internal_label_alert_id\` (which changes with every occurrence), so the occurrences of one problem fold into one alert |
| title | the notification's \`alertingRuleName\`, else label \`alertname\` (the rule's UUID) |
| description | annotation \`description\`, else annotation \`message\` |
| start and end | \`startsAt\`, \`endsAt\` (VMP may leave \`endsAt\` out) |
| event time | the time Alert Hub received the notification |
| links | \`alertURL\` (the alert in the VMP console), \`generatorURL\` when VMP fills it in |

Labels and annotations are kept as they are: \`__alerting_rule_levels__\` and
\`__alerting_rule_query__\` stay the JSON text VMP sends, and the value that triggered the alert is
in \`__alerting_resource_current_value__\`.

## Severity

{{severityTable}}
`;
