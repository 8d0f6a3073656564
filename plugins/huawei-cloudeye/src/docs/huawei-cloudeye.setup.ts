/**
 * Setup guide for Huawei Cloud Eye. Markdown; the core fills in `{{pushUrl}}` and
 * `{{severityTable}}`. Kept in TypeScript so the build needs no asset copying.
 */
export const HUAWEI_CLOUDEYE_SETUP_GUIDE = `# Huawei Cloud Eye

Cloud Eye (CES) sends its alarm notifications through Simple Message Notification (SMN): an
alarm rule notifies an SMN topic, and the topic pushes each message to its subscribers. Alert
Hub subscribes to the topic over HTTPS.

## 1. Create an SMN topic

In the Huawei Cloud console, in the region of the resources you monitor, open **Simple Message
Notification > Topic Management > Topics > Create Topic**. Give it a name (\`alert-hub\`) and
create it. Copy its **Topic URN** (\`urn:smn:<region>:<project id>:alert-hub\`).

## 2. Subscribe Alert Hub to the topic

On the topic, click **Add Subscription**:

- **Protocol**: \`HTTPS\`
- **Endpoint**: \`{{pushUrl}}\`

SMN then sends a subscription confirmation to that URL. Alert Hub checks its signature and
confirms it by itself (it opens the message's \`subscribe_url\` once): nothing to click. The
integration's push log (\`GET /api/v1/integrations/<id>/pushes\`) shows the confirmation, and in
**Topic Management > Subscriptions** the subscription's status turns to **Confirmed**. If it
stays **Unconfirmed**, the push log says why; fix it and click **Request Confirmation** there.

Alert Hub must be able to open HTTPS connections to \`smn.<region>.myhuaweicloud.com\` (SMN's
signing certificates) and to \`*.huaweicloud.com\` (the confirmation URL).

## 3. Accept only your topic

Set the integration's \`allowedTopicUrns\` to the topic URN of step 1 (several separated by
commas): \`PATCH /api/v1/integrations/<id>\` with
\`{"settings": {"allowedTopicUrns": "urn:smn:<region>:<project id>:alert-hub"}}\`. SMN's
signature proves that SMN sent a message, not whose topic it came from.

Leave \`verifySignatures\` on: a message whose signature does not match, or whose certificate is
not on an SMN host, is refused with \`401\`, and the reason is in the push log.

## 4. Notify the topic from Cloud Eye

In **Cloud Eye > Alarm Management > Alarm Rules**, create or modify an alarm rule. Under **Alarm
Notification**, turn notifications on, choose **Topic subscription** as the notification object
and select the topic of step 1. Notify on both **Generated alarm** and **Cleared alarm**, so
that Alert Hub hears when an alarm ends.

## What Alert Hub reads

Each SMN notification carries one Cloud Eye alarm, as JSON in its \`message\`: the form with
\`alarm_id\` and \`alarm_status\`, or the newer \`{"version": "v1", "data": {…}}\`.

| Alert Hub | from the Cloud Eye alarm |
| --- | --- |
| alert key | the rule's \`alarm_id\` (the newer form: \`AlarmId\`, else \`AlarmRuleName\`), the resource (\`ResourceId\`, else \`dimension\`) and the metric (\`metric_name\`), joined by \`/\` |
| status | \`alarm_status\`: \`alarm\` and \`insufficient_data\` fire; \`ok\`, \`ok_manual\` (recovered by hand) and \`invalid\` (the rule was disabled) resolve. The newer form: \`IsAlarm\` true fires, false or missing resolves |
| title | the rule's name, and the resource's name: \`alarm-shop: ecs-alarms\` |
| description | \`sms_content\` (the text Cloud Eye would send by SMS), else the SMN subject |
| time | \`time\` (milliseconds; the newer form: \`AlarmTime\`), else when SMN sent the message |
| labels | \`alarm_id\`, \`alarm_name\`, \`alarm_status\`, \`alarm_level\`, \`namespace\`, \`metric_name\`, \`dimension\`, \`resource_id\`, \`resource_name\`, \`region\`, \`topic_urn\` |
| annotations | \`current_data\`, \`threshold\` (\`>= 80%\`), \`alarm_description\`, \`alarm_record_id\` |
| link | the alarm's history page in the console (\`Link\`), when the message has one |

SMN's unsubscribe notice stores nothing; the push log says the topic stopped sending.

## Severity

Cloud Eye alarm levels: Critical, Major, Minor, Informational (in Chinese 紧急, 重要, 次要, 提示;
in the API 1 to 4).

{{severityTable}}
`;
