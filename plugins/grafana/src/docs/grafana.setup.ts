/**
 * Setup guide for Grafana. Markdown; the core fills in `{{pushUrl}}` and `{{severityTable}}`.
 * Kept in TypeScript so the build needs no asset copying.
 */
export const GRAFANA_SETUP_GUIDE = `# Grafana

Alert Hub receives Grafana Alerting's notifications through a webhook contact point.

## 1. Create the contact point

In Grafana, open **Alerting > Contact points > + Add contact point**:

1. **Integration**: \`Webhook\`.
2. **URL**: \`{{pushUrl}}\`
3. **HTTP Method**: \`POST\` (\`PUT\` works too).
4. Leave **Custom Payload** empty: Alert Hub reads Grafana's default payload.
5. **Test**, then **Save contact point**, and use it in a notification policy.

## 2. Sign the pushes (optional, Grafana 12+)

With a signature, a push that only knows the URL is refused. In **Optional Webhook settings >
HMAC Signature**:

1. **Secret**: a long random string. Give the same string to this integration as its
   \`hmacSecret\` setting: \`PATCH /api/v1/integrations/<id>\` with
   \`{"settings": {"hmacSecret": "<secret>"}}\`.
2. **Header**: leave it at \`X-Grafana-Alerting-Signature\`, or set the integration's
   \`signatureHeader\` to the one you choose.
3. **Timestamp Header** (recommended, so an old push cannot be replayed): e.g.
   \`X-Grafana-Alerting-Timestamp\`, and the same name in the integration's
   \`timestampHeader\`. Pushes more than \`maxSignatureAgeSeconds\` (300) from Alert Hub's
   clock are then refused: keep both clocks in time.

A push whose signature is missing or wrong is answered \`401 SignatureInvalid\`; the reason is in
the integration's push log (\`GET /api/v1/integrations/<id>/pushes\`).

## What Alert Hub reads

| Alert Hub | from the Grafana payload |
| --- | --- |
| alert key | \`fingerprint\` (else a hash of the labels), scoped by \`externalURL\` and \`orgId\` so two Grafanas or orgs never share a key |
| status | \`alerts[].status\` (\`firing\` / \`resolved\`) |
| title | \`labels.alertname\` |
| description | \`annotations.description\`, else \`summary\`, else \`message\`, else the query values (\`values\`, or \`valueString\` of Grafana 9) |
| start, end | \`startsAt\`, \`endsAt\` |
| links | \`generatorUrl\` (the rule), \`panelUrl\`, \`dashboardUrl\`, \`silenceUrl\` (a silence of this alert, prefilled) and \`sourceUrl\` (the Grafana, \`externalURL\`) |

## Severity

Grafana has no severity of its own: add a \`severity\` label to your alert rules.

{{severityTable}}
`;
