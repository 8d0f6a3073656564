/**
 * Setup guide for the standard event API. Markdown; the core fills in `{{pushUrl}}` and
 * `{{severityTable}}`. Kept in TypeScript so the build needs no asset copying.
 */
export const STANDARD_SETUP_GUIDE = `# Standard events: Alert Hub, PagerDuty Events v2, Flashduty

Send alerts from anything that can make an HTTP request (a cron job, a script, an in-house tool)
in Alert Hub's own event format, or point a sender of PagerDuty Events API v2 or Flashduty
standard alert events at Alert Hub unchanged. One push URL reads all three; the fields of the body
tell them apart: \`event_action\` is PagerDuty, \`event_status\` Flashduty, anything else Alert
Hub's format.

Push URL: \`{{pushUrl}}\` (the key may go in an \`Authorization: Bearer\` header instead). The
body is JSON; its JSON Schema is in the API document (\`/docs\`, \`POST /webhooks/standard\`).

## Alert Hub's format

| field | |
| --- | --- |
| \`action\` | \`trigger\` (the problem is there) or \`resolve\` (it is over); required |
| \`alertKey\` | what makes events one alert; without one, a hash of \`title\` and \`labels\` |
| \`title\` | required on a trigger; a resolve without one keeps the alert's title and description |
| \`severity\` | \`Critical\`, \`Warning\`, \`Info\` or a common word (table below); \`Warning\` if none |
| \`description\` | text shown with the alert |
| \`labels\` | \`{"name": "value"}\`: to route and filter on |
| \`details\` | free-form \`{"name": any}\`, kept as annotations (values that are not text as JSON) |
| \`links\` | \`{"runbookUrl": "https://…"}\`: names of letters, digits and \`_\` (a letter first), absolute http(s) URLs, at most 16 |
| \`eventTime\` | ISO 8601 with a zone, or Unix seconds or milliseconds; the time received if none |

\`\`\`sh
curl -s -X POST '{{pushUrl}}' -H 'Content-Type: application/json' -d '{
  "action": "trigger", "alertKey": "backup-db-1", "title": "Nightly backup of db-1 failed",
  "severity": "critical", "description": "pg_dump exited with status 1",
  "labels": {"service": "postgres", "host": "db-1"},
  "links": {"runbookUrl": "https://runbooks.example.com/backup"}}'
# {"request_id":"…","data":{"events":1,"stored":1,"deduplicated":0,"unrouted":0}}

# Later: the key is enough; the alert keeps its title and description.
curl -s -X POST '{{pushUrl}}' -H 'Content-Type: application/json' \\
  -d '{"action": "resolve", "alertKey": "backup-db-1"}'
\`\`\`

Several events at once: \`{"events": [ … ]}\`, at most 1000, stored together or not at all (a
wrong one refuses the push, naming it: \`$.events[3].title\`).

\`\`\`sh
curl -s -X POST '{{pushUrl}}' -H 'Content-Type: application/json' -d '{"events": [
  {"action": "trigger", "alertKey": "disk-web-1", "title": "Disk /var on web-1 is 91% full",
   "severity": "warning", "labels": {"host": "web-1"}},
  {"action": "resolve", "alertKey": "disk-web-2"}]}'
\`\`\`

A body Alert Hub cannot read is answered \`400 InvalidPayload\`, with the JSON path of the first
wrong field in \`error.details.path\`.

## Keys, repeats and resolutions

- Events of one \`alertKey\` (PagerDuty's \`dedup_key\`, Flashduty's \`alert_key\`) fold into
  one alert. An event sent without a key gets a hash of its title and labels: the same problem
  sent again (a retry, a check run every minute) is the same alert, and sending the same title
  and labels with \`resolve\` resolves it. Keep changing values (a percentage) out of the title
  then, or send a key.
- A trigger of an active alert with the same severity is a repeat: counted, not stored, and it
  changes neither title nor description. A higher severity is stored and raises the alert's.
- A resolution without a title keeps the alert's title and description, in the alert and in the
  stored event (its own description, if it has one, is stored with it). A resolution of an alert
  Alert Hub never saw opens one already resolved, titled \`Alert <key>\`.
- On a shared integration, routing reads the event as sent: a resolution that carries only its
  key has no labels and the title \`Alert <key>\`. Route on something the resolution carries too,
  or send the trigger's labels with it, or it may not reach the channel of its alert.

## PagerDuty Events API v2

Give the sender the push URL instead of \`https://events.pagerduty.com/v2/enqueue\` (PagerDuty
client libraries and tools that let the Events API URL be set). Alert Hub answers as PagerDuty
does: \`202\` with \`{"status": "success", "message": "Event processed", "dedup_key": "…"}\`.
Errors are Alert Hub's (\`400\` with \`{"request_id", "error"}\`), which senders do not retry,
as they do not retry PagerDuty's own \`400\`.

| PagerDuty | Alert Hub |
| --- | --- |
| \`event_action\` | \`trigger\` fires, \`resolve\` resolves; \`acknowledge\` stores nothing (Alert Hub has no acknowledgement; the push log notes it) |
| \`dedup_key\` | the alert key; required to acknowledge or resolve. A trigger without one gets a hash of its summary and labels, answered as \`dedup_key\` |
| \`payload.summary\` | the title (required on a trigger) |
| \`payload.severity\` | the severity: \`critical\`, \`error\` (Critical, as PagerDuty's urgency treats it), \`warning\`, \`info\` |
| \`payload.source\`, \`component\`, \`group\`, \`class\`, \`client\` | labels of the same names |
| \`payload.custom_details\` | annotations |
| \`payload.timestamp\` | the event time |
| \`client_url\`, \`links\` | links: \`sourceUrl\`, and each link named after its \`text\` (\`linkText\`), else \`link1\`, \`link2\`… |
| \`routing_key\` | ignored and not stored: it is PagerDuty's credential; the key in the push URL is Alert Hub's |
| \`images\` | not kept (the raw event keeps them) |

\`\`\`sh
curl -s -X POST '{{pushUrl}}' -H 'Content-Type: application/json' -d '{
  "routing_key": "unused", "event_action": "trigger", "dedup_key": "checkout-errors",
  "payload": {"summary": "API error rate above 5% on checkout", "source": "checkout-api",
    "severity": "error", "custom_details": {"error rate": 0.071}}}'
# 202 {"status":"success","message":"Event processed","dedup_key":"checkout-errors"}

curl -s -X POST '{{pushUrl}}' -H 'Content-Type: application/json' \\
  -d '{"routing_key": "unused", "event_action": "resolve", "dedup_key": "checkout-errors"}'
\`\`\`

## Flashduty standard alert events

Give the sender the push URL instead of
\`https://api.flashcat.cloud/event/push/alert/standard?integration_key=…\`. Alert Hub answers
\`200\` with its own \`{"request_id", "data"}\`.

| Flashduty | Alert Hub |
| --- | --- |
| \`event_status\` | \`Critical\`, \`Warning\`, \`Info\` fire with that severity; \`Ok\` resolves |
| \`alert_key\` | the alert key; without one, a hash of the title and labels |
| \`title_rule\` (or \`title\`) | the title, required unless \`Ok\`. With the prefix \`[TPL]\`, \`\${name}\` is the label's value (\`<no value>\` if missing) and \`{{.Labels.name}}\` too (empty if missing); other template text stays as written |
| \`description\`, \`labels\` | the same |
| \`event_time\` | the event time, Unix seconds (milliseconds are recognised) |
| \`images\` | not kept |

\`\`\`sh
curl -s -X POST '{{pushUrl}}' -H 'Content-Type: application/json' -d '{
  "title_rule": "[TPL]CPU above 90% on \${resource}", "event_status": "Critical",
  "alert_key": "web-01-cpu", "event_time": 1796523300,
  "labels": {"resource": "web-01", "service": "web"}}'

curl -s -X POST '{{pushUrl}}' -H 'Content-Type: application/json' \\
  -d '{"event_status": "Ok", "alert_key": "web-01-cpu"}'
\`\`\`

## Severity

The word is Alert Hub's \`severity\`, PagerDuty's \`payload.severity\` or Flashduty's
\`event_status\`; a label \`severity\` of the event is read first. A resolution keeps its alert's
severity.

{{severityTable}}
`;
