/**
 * Setup guide for Tencent Cloud Observability Platform alarm callbacks. Markdown; the core fills in
 * `{{pushUrl}}` and `{{severityTable}}`. Kept in TypeScript so the build needs no asset copying.
 */
export const TENCENT_CLOUD_MONITOR_SETUP_GUIDE = `# Tencent Cloud Monitor (TCOP)

Alert Hub receives the alarm callbacks of Tencent Cloud Observability Platform (腾讯云可观测平台,
formerly Cloud Monitor / 云监控): metric alarms and event alarms, as JSON POSTs, when an alarm
fires, repeats and recovers.

Callbacks carry no signature or token: **the integration key in the push URL is the only
secret**. Keep the URL private, and rotate the key
(\`POST /api/v1/integrations/<id>/rotate-key\`) if it leaks. Tencent Cloud sends from changing
addresses, so an IP allowlist cannot replace it.

## 1. Check the time zone

Tencent Cloud writes \`firstOccurTime\` and \`recoverTime\` as \`2021-05-05 04:37:00\`, with no
zone, and its docs do not say which. Alert Hub reads them in this integration's \`timezone\`
setting, by default **Asia/Shanghai** (UTC+8, Beijing time), which is what Tencent Cloud's
consoles in China show. If your console shows another zone, or the alarms' times in Alert Hub are
hours off from the console's, give the integration that zone:
\`PATCH /api/v1/integrations/<id>\` with \`{"settings": {"timezone": "Asia/Singapore"}}\`
(any IANA zone name).

## 2. Add the callback to a notification template

1. In the Tencent Cloud Observability Platform console, open **Alarm Management → Alarm
   Configuration → Notification Template** (告警管理 → 告警配置 → 通知模板) and create a template,
   or edit one.
2. Under **API Callback** (接口回调), add the URL \`{{pushUrl}}\`. Leave the notification
   periods open for the whole day, so that callbacks are not held back.
3. Save the template.

## 3. Bind it to the alarm policies

1. Open **Alarm Policy** (告警策略), edit each policy whose alarms should reach Alert Hub, and
   under **Alarm Notification** (告警通知) select the template of step 2.
2. Save. From now on each alarm of the policy is posted when it fires, when it repeats and when
   it recovers. A push that fails is tried again up to three times, each with a 5 second timeout.

Alert Hub answers every accepted callback with \`{"sessionId": "<the push's sessionId>",
"retCode": 0}\`: older callback senders expected this acknowledgement, and newer ones ignore it.

## What Alert Hub reads

| Alert Hub | from the callback |
| --- | --- |
| status | \`alarmStatus\`: \`"1"\` (or \`1\`) fires, \`"0"\` (or \`0\`) recovers; anything else is refused |
| alert key | \`alarmPolicyInfo.policyId\`, the object (\`dimensions.objId\`, else \`dimensions.unInstanceId\`), \`alarmType\` and \`conditions.metricName\` or \`conditions.eventName\`; never \`sessionId\`, which is new with every push |
| title | the metric and its condition (\`DiskUtilization > 95%\`) or the event (\`ping unreachable\`), on the object (\`objName\`, else \`unInstanceId\`, else \`objId\`) |
| description | the condition over its periods and the current value with its unit, or the event and its product; then the policy, its type and the region |
| started | \`firstOccurTime\`, in the \`timezone\` setting |
| resolved | \`recoverTime\` of a recovery, in the \`timezone\` setting |
| event time | a recovery: \`recoverTime\`; else \`firstOccurTime\` plus \`durationTime\` seconds |
| labels | the dimensions (nested ones joined with a dot: \`objDetail.deviceLanIp\`), \`region\`, \`namespace\`, \`appId\`, \`uin\`, \`policyId\`, \`policyName\`, \`policyType\`, \`policyTypeCName\`, \`policyTypeEname\`, \`alarmType\`, \`metricName\`, \`metricShowName\` or \`productName\`, \`productShowName\`, \`eventName\`, \`eventShowName\`, and \`alarmLevel\` |
| annotations | \`sessionId\`, \`alertId\`, \`currentValue\`, \`historyValue\`, \`unit\`, \`durationTime\` |

## Severity

A policy with alarm levels (分级告警) sends its level as the end of \`alertId\`
(\`<sessionId>_Serious\`); Alert Hub keeps it as label \`alarmLevel\`. A policy without levels
says nothing of severity, and its alarms are Warning.

{{severityTable}}
`;
