import {
  PayloadError,
  childPath,
  firstNonBlank,
  readTime,
  type JsonObject,
} from '@alert-hub/plugin-sdk';
import {
  cesAlarmTitle,
  consoleUrlOf,
  labelsOf,
  readTextFields,
  thresholdOf,
  type CesAlarm,
} from './ces-alarm.js';

const DATA_FIELDS = [
  'AlarmId',
  'AlarmRuleName',
  'AlarmLevel',
  'Namespace',
  'MetricName',
  'ResourceId',
  'ResourceName',
  'Region',
  'RegionId',
  'CurrentData',
  'ComparisonOperator',
  'Value',
  'AlarmTime',
  'AlarmRecordID',
  'AlarmDesc',
  'Link',
] as const;

/** `AlarmTime` of this form: `2025/06/02 22:56:15 GMT+08:00`. */
const ALARM_TIME = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2}) GMT([+-]\d{2}:\d{2})$/;

/**
 * `IsAlarm`: true while the alarm is on. Apache HertzBeat, which reads this form, found recovery
 * notifications where it is false or missing, so both resolve.
 */
function readIsAlarm(value: unknown, path: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') {
    throw new PayloadError(`expected true or false, got ${JSON.stringify(value)}`, path);
  }
  return value;
}

/**
 * `AlarmTime` as a time, when it is in the form above. It is display text, so another form is no
 * error: the event then takes the time SMN sent the message.
 */
function readAlarmTime(alarmTime: string | undefined, path: string): Date | undefined {
  const match = alarmTime === undefined ? null : ALARM_TIME.exec(alarmTime);
  if (match === null) return undefined;
  const [, year, month, day, clock, offset] = match;
  return readTime(`${year}-${month}-${day}T${clock}${offset}`, path);
}

/**
 * The newer form `{"version": "v1", "data": {…}}` (a signed Huawei Cloud cn-north-4 notification,
 * kept in Apache HertzBeat's tests): the console's texts only, with `IsAlarm` for the state and no
 * alarm id or metric code, so the rule is known by its name and the metric by its display name.
 */
export function readCesDataAlarm(data: JsonObject, path: string): CesAlarm {
  const fields = readTextFields(data, DATA_FIELDS, path);
  const ruleKey = firstNonBlank(fields.AlarmId, fields.AlarmRuleName);
  if (ruleKey === undefined) {
    throw new PayloadError(
      "is required (the alarm rule's AlarmId or AlarmRuleName)",
      childPath(path, 'AlarmRuleName'),
    );
  }
  const isAlarm = readIsAlarm(data.IsAlarm, childPath(path, 'IsAlarm'));
  return {
    status: isAlarm ? 'firing' : 'resolved',
    alertKeyParts: [ruleKey, fields.ResourceId, fields.MetricName].filter(
      (part) => part !== undefined,
    ),
    title: cesAlarmTitle(fields.AlarmRuleName ?? ruleKey, fields.ResourceName),
    labels: labelsOf([
      ['alarm_id', fields.AlarmId],
      ['alarm_name', fields.AlarmRuleName],
      // The form has no alarm_status; the same label as the other form keeps routing rules and
      // the severity map one.
      ['alarm_status', isAlarm ? 'alarm' : 'ok'],
      ['alarm_level', fields.AlarmLevel],
      ['namespace', fields.Namespace],
      ['metric_name', fields.MetricName],
      ['resource_id', fields.ResourceId],
      ['resource_name', fields.ResourceName],
      ['region', firstNonBlank(fields.RegionId, fields.Region)],
    ]),
    annotations: labelsOf([
      ['current_data', fields.CurrentData],
      ['threshold', thresholdOf(fields.ComparisonOperator, fields.Value)],
      ['alarm_description', fields.AlarmDesc],
      ['alarm_record_id', fields.AlarmRecordID],
    ]),
    time: readAlarmTime(fields.AlarmTime, childPath(path, 'AlarmTime')),
    consoleUrl: consoleUrlOf(fields.Link),
  };
}
