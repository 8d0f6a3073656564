/**
 * Setup guide for the Alibaba Cloud console. Markdown; the core fills in `{{pushUrl}}` and
 * `{{severityTable}}`. Kept in TypeScript so the build needs no asset copying.
 */
export const ALIYUN_PROMETHEUS_SETUP_GUIDE = `# Alibaba Cloud Managed Prometheus (ARMS)

Alert Hub receives the alerts of Alibaba Cloud Monitor's managed Prometheus (ARMS Prometheus)
through a custom webhook. The notification is Alertmanager-shaped JSON; every alert in it becomes
one event.

## 1. Create a webhook notification object

Menu names differ a little between console versions; the steps are the same.

1. In the Cloud Monitor console, open **Prometheus monitoring**, then the alerting
   **notification objects** (通知对象) page.
2. On the webhook tab, create a **custom webhook** (自定义 Webhook):
   - **URL**: \`{{pushUrl}}\`
   - **Method**: \`POST\`
   - **Header**: \`Content-Type: application/json\`
   - **Body / notification mode**: the simple notification mode, which sends the alerts as JSON
     in Alertmanager's format. Alert Hub needs its \`alerts\` list.
3. Send a test notification and check that it arrives (Alert Hub lists the push in the
   integration's push log).

## 2. Notify it from your alert rules

In the notification policy (通知策略) that your Prometheus alert rules use, add the webhook as a
notification object. Keep recovery notifications on: without them alerts never resolve in Alert
Hub.

## What Alert Hub reads

| Alert Hub | from the ARMS alert |
| --- | --- |
| status | the alert's own \`status\`; a firing alert stays firing even when its \`endsAt\` is in the future |
| alert key | \`fingerprint\`, else a hash of the sorted labels |
| title | label \`alertname\` (the alert rule's name) |
| description | annotation \`message\`, else annotation \`_aliyun_arms_alert_message\` |
| start and end | \`startsAt\`, \`endsAt\` |
| event time | the time Alert Hub received the notification |
| links | the notification's \`externalURL\` (the alert in the ARMS console) |

Labels and annotations, the \`_aliyun_arms_*\` ones included, are kept as they are.

## Severity

{{severityTable}}

ARMS puts the alert rule's level in \`_aliyun_arms_alert_level\`; a \`level\` or \`severity\` label of
your own is read only when that is missing or holds a word not in the table.
`;
