import {
  PayloadError,
  firstNonBlank,
  labelsHash,
  readInteger,
  readObject,
  readString,
  settingText,
  type EventStatus,
  type ParseContext,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';
import { readAlarmCondition, type AlarmType } from './tencent-alarm-condition.js';
import { readAlarmTimes } from './tencent-alarm-times.js';
import { DEFAULT_TIMEZONE, TIMEZONE_SETTING } from './tencent-cloud-monitor.settings.js';
import { ALARM_LEVEL_LABEL } from './tencent-cloud-monitor.severity-map.js';
import { readDimensions } from './tencent-dimensions.js';
import { readTextFields } from './tencent-text-fields.js';

const OBJECT_LABELS = ['region', 'namespace', 'appId', 'uin'] as const;
const POLICY_LABELS = [
  'policyId',
  'policyName',
  'policyType',
  'policyTypeCName',
  'policyTypeEname',
] as const;

/** `alarmStatus`: mostly a string, a number in older callbacks. */
function readStatus(value: unknown): EventStatus {
  const path = '$.alarmStatus';
  if (value === undefined || value === null || value === '') {
    throw new PayloadError('is required ("1" when the alarm fires, "0" when it recovers)', path);
  }
  const code = readInteger(value, path);
  if (code === 1) return 'firing';
  if (code === 0) return 'resolved';
  throw new PayloadError(`expected "1" (alarm) or "0" (recovered), got ${code}`, path);
}

function readAlarmType(value: unknown): AlarmType {
  const path = '$.alarmType';
  const text = readString(value, path);
  const type = text.trim().toLowerCase();
  if (type === 'metric' || type === 'event') return type;
  throw new PayloadError(`expected "metric" or "event", got ${JSON.stringify(text)}`, path);
}

/**
 * A graded policy's level (`Remind`, `Warn`, `Serious`): the suffix of `alertId`, which is
 * `<sessionId>_<level>` for such a policy and `sessionId` itself for any other.
 */
function readAlarmLevel(
  alertId: string | undefined,
  sessionId: string | undefined,
): string | undefined {
  if (alertId === undefined || alertId === sessionId) return undefined;
  const separator = alertId.lastIndexOf('_');
  return separator < 0 ? undefined : firstNonBlank(alertId.slice(separator + 1));
}

/** `Policy high CPU (CVM - basic monitoring), region gz`. */
function describePolicy(policy: Record<string, string>, region: string | undefined): string {
  const type = firstNonBlank(policy.policyTypeCName, policy.policyTypeEname, policy.policyType);
  const name = firstNonBlank(policy.policyName, policy.policyId);
  return [`Policy ${name}${type === undefined ? '' : ` (${type})`}`, region && `region ${region}`]
    .filter(Boolean)
    .join(', ');
}

/**
 * Parses a Tencent Cloud Monitor (TCOP) alarm callback: one metric or event alarm, one event.
 * The alert key is the policy, the alarmed object and what the policy watches; `sessionId` and
 * `alertId` are new with every push, the recovery included, so they stay out of it.
 */
export function parseTencentCloudMonitorWebhook(
  body: unknown,
  context: ParseContext,
): ParsedEvent[] {
  const alarm = readObject(body, '$');
  const status = readStatus(alarm.alarmStatus);
  const type = readAlarmType(alarm.alarmType);
  const objectInfo = readObject(alarm.alarmObjInfo, '$.alarmObjInfo');
  const policyInfo = readObject(alarm.alarmPolicyInfo, '$.alarmPolicyInfo');
  const policy = readTextFields(policyInfo, '$.alarmPolicyInfo', POLICY_LABELS);
  if (policy.policyId === undefined) {
    throw new PayloadError('is required (the alarm policy)', '$.alarmPolicyInfo.policyId');
  }
  const dimensions = readDimensions(objectInfo.dimensions, '$.alarmObjInfo.dimensions');
  const objectFields = readTextFields(objectInfo, '$.alarmObjInfo', OBJECT_LABELS);
  const condition = readAlarmCondition(policyInfo.conditions, '$.alarmPolicyInfo.conditions', type);
  const ids = readTextFields(alarm, '$', ['sessionId', 'alertId']);
  const level = readAlarmLevel(ids.alertId, ids.sessionId);
  const timeZone = settingText(context.settings, TIMEZONE_SETTING) ?? DEFAULT_TIMEZONE;
  const { durationSeconds, ...times } = readAlarmTimes(alarm, status, timeZone);
  // `objId` is always there by the docs; `unInstanceId` names the instance in old event alarms.
  const objectKey =
    firstNonBlank(dimensions.objId, dimensions.unInstanceId) ?? labelsHash(dimensions);
  const shownObject = firstNonBlank(dimensions.objName, dimensions.unInstanceId, dimensions.objId);
  return [
    {
      status,
      alertKey: [policy.policyId, objectKey, `${type}:${condition.name}`].join('|'),
      title:
        shownObject === undefined ? condition.summary : `${condition.summary} on ${shownObject}`,
      description: `${condition.details}\n${describePolicy(policy, objectFields.region)}`,
      // The alarm's own fields win over a dimension of the same name.
      labels: {
        ...dimensions,
        ...objectFields,
        ...policy,
        alarmType: type,
        ...condition.labels,
        ...(level === undefined ? {} : { [ALARM_LEVEL_LABEL]: level }),
      },
      annotations: {
        ...ids,
        ...condition.annotations,
        ...(durationSeconds === undefined ? {} : { durationTime: String(durationSeconds) }),
      },
      ...times,
      raw: alarm,
    },
  ];
}
