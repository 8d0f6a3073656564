/**
 * Setup guide for the Volcengine Cloud Monitor console. Markdown; the core fills in `{{pushUrl}}`
 * and `{{severityTable}}`. Kept in TypeScript so the build needs no asset copying.
 */
export const VOLCENGINE_CLOUDMONITOR_SETUP_GUIDE = `# Volcengine Cloud Monitor (云监控)

Alert Hub receives the alarm callbacks of Volcengine Cloud Monitor's alarm rules. For the managed
Prometheus service (VMP) use the \`volcengine-prometheus\` integration instead.

This integration was built from the field names of Volcengine's own payload model, not from a
captured callback: its samples are illustrative. If a callback is refused, the push log shows
why; please report it with the body.

## 1. Create the callback

1. In the Cloud Monitor console, create an **alarm callback** (告警回调; the menu names here
   were not checked against the console) with the URL:
   \`{{pushUrl}}\`
2. In each alarm rule (or alarm group) that should reach Alert Hub, choose that callback as a
   notification channel, with recovery notifications on: without them alerts never resolve.

## What Alert Hub reads

| Alert Hub | from the callback |
| --- | --- |
| events | one per resource listed (\`Resources\`, \`RecoveredResources\`, \`NoDataResources\`, \`NoDataRecoveredResources\`, or a single \`Resource\`); one for the rule when none is listed |
| status | \`Type\`: \`Metric\` and \`MetricsNoData\` fire, \`MetricRecovered\` and \`NoDataRecovered\` resolve, \`Event\` fires and never resolves |
| alert key | \`RuleId\` and the resource's \`Id\`; no-data and event alerts are kept apart from the metric alarm of the same resource |
| title | \`RuleName\` on the resource's \`Name\` (else its \`Id\`) |
| description | each metric's name, current value, unit and trigger condition, else \`RuleCondition\` |
| start, event time | the resource's \`FirstAlertTime\`, \`LastAlertTime\` (Unix seconds or milliseconds) |
| labels | \`Type\`, \`Level\`, \`RuleName\`, \`RuleId\`, \`Namespace\`, \`SubNamespace\`, \`Project\`, \`AccountId\`, \`ResourceId\`, \`ResourceName\`, \`Region\`, \`tag.<Key>\`, \`dimension.<Name>\` |
| annotations | \`RuleCondition\`, \`HappenedAt\` (its format and time zone are not documented, so it is kept as text) |

\`Event\` callbacks never resolve: they open an **informational** alert (label \`resolves=never\`,
severity Info whatever \`Level\` says); the next event of the rule on that resource updates it, and
it resolves by itself once no such event came for the integration's \`autoResolveAfterSeconds\`
(an hour unless you change it).

## Severity

{{severityTable}}
`;
