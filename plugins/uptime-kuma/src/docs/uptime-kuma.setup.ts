/**
 * Setup guide for Uptime Kuma. Markdown; the core fills in `{{pushUrl}}` and `{{severityTable}}`.
 * Kept in TypeScript so the build needs no asset copying.
 */
export const UPTIME_KUMA_SETUP_GUIDE = `# Uptime Kuma

Alert Hub receives Uptime Kuma's **Webhook** notifications: one when a monitor goes down, one
when it comes back up.

## 1. Add the notification

In Uptime Kuma, **Settings → Notifications → Setup Notification** (or **Setup Notification** in a
monitor's settings):

- **Notification Type**: \`Webhook\`
- **Post URL**: \`{{pushUrl}}\`
- **Request Body**: \`application/json\` (the default). Form data and custom bodies are not read.
- **Additional Headers**: none needed.
- **Default enabled** / **Apply on all existing monitors**: as you wish.

Press **Test**: Uptime Kuma's test message names no monitor, so Alert Hub answers it with
\`200\` and stores no event; the integration's push log shows it with 0 events and the note
"Uptime Kuma test notification". **Save**.

## 2. Choose a severity (optional)

Uptime Kuma has no severity. A monitor that is down is an alert of the default severity below,
unless you give the monitor a tag \`severity\` with the value \`critical\`, \`warning\` or \`info\`.

## What Alert Hub reads

| Alert Hub | from the notification |
| --- | --- |
| alert key | \`monitor.id\` (else \`heartbeat.monitorID\`): one alert per monitor |
| status | \`heartbeat.status\`: 0 down and 2 pending fire, 1 up and 3 maintenance resolve |
| title | \`monitor.name\` |
| description | \`heartbeat.msg\`, else \`msg\` |
| labels | the monitor's tags, \`monitor_id\`, \`monitor_type\`, \`hostname\` |
| event time | \`heartbeat.time\` (UTC); an up also starts at \`heartbeat.lastDownTime\` |
| source link | \`monitor.url\`, for HTTP monitors |

Notifications without a heartbeat (the test message, certificate-expiry notices) give no event;
their push log entry notes why.

## Severity

{{severityTable}}
`;
