/**
 * Setup guide for Webhook. Markdown; the core fills in `{{pushUrl}}` and `{{severityTable}}`.
 * Kept in TypeScript so the build needs no asset copying.
 */
export const WEBHOOK_SETUP_GUIDE = `# Webhook

Alert Hub receives the alerts of Webhook through its webhook.

## 1. Create the webhook

In Webhook, add a webhook notification:

- **URL**: \`{{pushUrl}}\`
- **Method**: \`POST\`

## What Alert Hub reads

| Alert Hub | from the Webhook payload |
| --- | --- |
| alert key | |
| title | |

## Severity

{{severityTable}}
`;
