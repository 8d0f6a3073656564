/**
 * Setup guide for Nightingale. Markdown; the core fills in `{{pushUrl}}` and `{{severityTable}}`.
 * Kept in TypeScript so the build needs no asset copying.
 */
export const NIGHTINGALE_SETUP_GUIDE = `# Nightingale

Alert Hub receives Nightingale (n9e) alert events as JSON: one event, or an array of events.

## 1. Add the push URL to Nightingale

Any one of these works; use one, or the same event reaches Alert Hub twice:

- **Notification settings → Webhooks** (global webhook): add a webhook, enabled, with
  **URL** \`{{pushUrl}}\`. Leave the method \`POST\`; extra headers and Basic Auth are not needed.
- **Alert rule → Callbacks**: add \`{{pushUrl}}\` to the rules that should reach Alert Hub.
- **Nightingale v8 notify rules**: create a notification channel of type **Callback** with
  **URL** \`{{pushUrl}}\` and keep its body \`{{ jsonMarshal $events }}\`, then use the channel in
  a notify rule.

Turn on **Notify recovered** in the rules, or alerts in Alert Hub stay open until resolved by hand.

## 2. Check

Trigger a rule, or press **Send test push** on the integration in Alert Hub, and look at the
integration's push log.

## What Alert Hub reads

| Alert Hub | from each Nightingale event |
| --- | --- |
| alert key | \`hash\` (the rule and the series): a problem and its recovery share it |
| status | \`is_recovered\` (\`true\`/\`false\`, or \`1\`/\`0\`) |
| title | \`rule_name\` |
| description | \`rule_note\`, else annotation \`summary\`, else annotation \`description\` |
| labels | \`tags_map\` (else the \`name=value\` texts of \`tags\`) |
| annotations | the rule's \`annotations\`, with \`severity\` (1–3) and \`trigger_value\` |
| started | \`first_trigger_time\`, else \`trigger_time\` (Unix seconds) |
| event time | \`trigger_time\`; \`recover_time\` for a recovery |

## Severity

{{severityTable}}
`;
