/**
 * Setup guide for Alertmanager users. Markdown; the core fills in `{{pushUrl}}` and
 * `{{severityTable}}`. Kept in TypeScript so the build needs no asset copying.
 */
export const PROMETHEUS_SETUP_GUIDE = `# Prometheus Alertmanager

Alert Hub receives the webhook notifications of Prometheus Alertmanager 0.16 and later. Every
alert of a notification becomes one event: one group may hold firing and resolved alerts at once,
and each is read on its own.

## 1. Add a receiver

In \`alertmanager.yml\`, add a receiver that posts to your push URL:

\`\`\`yaml
receivers:
  - name: alert-hub
    webhook_configs:
      - url: '{{pushUrl}}'
        send_resolved: true # without it, alerts never resolve in Alert Hub
        max_alerts: 0 # 0 sends every alert of the group; a cut list loses events
\`\`\`

## 2. Route alerts to it

If Alert Hub is to receive every alert, make it the receiver of the top-level route:

\`\`\`yaml
route:
  receiver: alert-hub
\`\`\`

To send Alert Hub every alert while your other receivers keep theirs, put a child route with
\`continue: true\` first in \`route.routes\`. A route without matchers matches every alert; and since
an alert that matches a child route no longer falls back to the top-level receiver, end the list
with a route to that receiver:

\`\`\`yaml
route:
  receiver: your-existing-receiver
  routes:
    - receiver: alert-hub
      continue: true # go on to the routes below as well
    # ... your existing child routes ...
    - receiver: your-existing-receiver # what the top-level receiver caught before
\`\`\`

Check the file with \`amtool check-config alertmanager.yml\`, then reload Alertmanager
(\`curl -X POST http://<alertmanager>:9093/-/reload\` or \`SIGHUP\`).

## Keep the key out of the URL (optional)

Instead of the \`integration_key\` parameter in the URL, Alertmanager can send the key as a bearer
token. Use the push URL without \`integration_key=…\` and put the key in \`http_config\`:

\`\`\`yaml
webhook_configs:
  - url: '<push URL without the integration_key parameter>'
    send_resolved: true
    max_alerts: 0
    http_config:
      authorization:
        type: Bearer
        credentials: '<integration key>' # or credentials_file: /etc/alertmanager/alert-hub.key
\`\`\`

## Behind a proxy

When Alertmanager reaches Alert Hub through an HTTP proxy, name it in the same \`http_config\`:

\`\`\`yaml
webhook_configs:
  - url: '{{pushUrl}}'
    send_resolved: true
    max_alerts: 0
    http_config:
      proxy_url: 'http://proxy.example.internal:3128'
\`\`\`

## Send the evaluation time (recommended)

Alertmanager's notification does not say when Prometheus evaluated the rule, so by default the
event time is the moment Alert Hub received the notification. Add a \`timestamp\` annotation to
your alerting rules and Alert Hub uses it instead (unix seconds; plain or scientific notation):

\`\`\`yaml
groups:
  - name: example
    rules:
      - alert: DiskFull
        expr: node_filesystem_avail_bytes / node_filesystem_size_bytes < 0.05
        labels:
          severity: critical
        annotations:
          summary: 'Disk almost full on {{ $labels.instance }}'
          timestamp: '{{ with query "time()" }}{{ . | first | value }}{{ end }}'
\`\`\`

A \`timestamp\` that is not a time between the years 2000 and 2100 is ignored, not rejected.

## What Alert Hub reads

| Alert Hub | from the Alertmanager alert |
| --- | --- |
| status | the alert's own \`status\` (\`firing\` or \`resolved\`) |
| alert key | \`fingerprint\`; before Alertmanager 0.19 a hash of the sorted labels |
| title | annotation \`summary\`, else label \`alertname\` |
| description | annotation \`description\`, else annotation \`message\` |
| start and end | \`startsAt\`, \`endsAt\` (\`0001-01-01T00:00:00Z\` means the alert has not ended) |
| event time | annotation \`timestamp\`, else the time received |
| links | \`generatorURL\` (the rule's query), the notification's \`externalURL\` (Alertmanager) |

Labels and annotations are kept as they are; other fields are ignored.

## Severity

{{severityTable}}

A label value that maps to Ok (\`severity: ok\`) resolves the alert even while Alertmanager reports
it as firing.

## Try it

\`\`\`sh
curl -X POST '{{pushUrl}}' -H 'Content-Type: application/json' -d '{
  "alerts": [{
    "status": "firing",
    "labels": {"alertname": "AlertHubTest", "severity": "warning"},
    "annotations": {"summary": "Test alert sent with curl"},
    "startsAt": "2026-01-01T00:00:00Z"
  }]
}'
\`\`\`

## Good to know

- Running Alertmanager in HA (a cluster of two or three)? Give every Alertmanager of the cluster
  this same push URL. Alerts belong to the integration that sent them, so the copies each
  Alertmanager sends fold into one alert only when they come through one integration.
- Alertmanager sends the whole group again at every \`group_interval\` and \`repeat_interval\`,
  its resolved alerts included; Alert Hub counts the repeats as deduplicated instead of storing
  them again.
- Alertmanager retries only on a 5xx answer or a network error. On a 4xx it drops that
  notification and tries again with the next one, so when an alert does not arrive, look at the
  integration's push log first.
`;
