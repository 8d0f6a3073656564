import {
  PayloadError,
  childPath,
  firstNonBlank,
  readEpochTime,
  readObject,
  type EventStatus,
  type JsonObject,
} from '@alert-hub/plugin-sdk';
import {
  cesAlarmTitle,
  consoleUrlOf,
  labelsOf,
  readTextFields,
  requiredText,
  thresholdOf,
  type CesAlarm,
} from './ces-alarm.js';

/**
 * `alarm_status` (ListAlarmHistories in the Cloud Eye API): `insufficient_data` (no data for the
 * rule's periods: a resource deleted or stopped) fires, at Info (the severity map says so);
 * `invalid` (a disabled rule, which watches nothing any more) and `ok_manual` (recovered by hand)
 * resolve, like `ok`.
 */
const STATUS_OF_ALARM_STATUS: Readonly<Record<string, EventStatus>> = {
  alarm: 'firing',
  insufficient_data: 'firing',
  ok: 'resolved',
  ok_manual: 'resolved',
  invalid: 'resolved',
};

const TOP_FIELDS = [
  'alarm_id',
  'alarm_name',
  'alarm_status',
  'namespace',
  'metric_name',
  'dimension',
  'sms_content',
  'default_content',
] as const;

const TEMPLATE_FIELDS = [
  'AlarmLevel',
  'ResourceId',
  'ResourceName',
  'Region',
  'CurrentData',
  'ComparisonOperator',
  'Value',
  'AlarmDesc',
  'Link',
] as const;

function readStatus(alarmStatus: string, path: string): EventStatus {
  const status = STATUS_OF_ALARM_STATUS[alarmStatus.toLowerCase()];
  if (status === undefined) {
    const known = Object.keys(STATUS_OF_ALARM_STATUS).join(', ');
    throw new PayloadError(`expected ${known}, got ${JSON.stringify(alarmStatus)}`, path);
  }
  return status;
}

/**
 * The form Cloud Eye has sent through SMN since its first releases (a capture from Open Telekom
 * Cloud, one from Huawei Cloud sa-brazil-1): `alarm_id`, `alarm_status`, `time` in milliseconds,
 * the metric's codes, and the texts of the console in `template_variable`.
 */
export function readCesFlatAlarm(alarm: JsonObject, path: string): CesAlarm {
  const top = readTextFields(alarm, TOP_FIELDS, path);
  const templatePath = childPath(path, 'template_variable');
  const template =
    alarm.template_variable === undefined || alarm.template_variable === null
      ? {}
      : readTextFields(
          readObject(alarm.template_variable, templatePath),
          TEMPLATE_FIELDS,
          templatePath,
        );
  const alarmId = requiredText(top, 'alarm_id', "the alarm rule's id", path);
  const alarmStatus = requiredText(top, 'alarm_status', 'alarm, ok, insufficient_data…', path);
  // `dimension` is part of the alarm itself; `ResourceId` only of the console's texts.
  const resource = firstNonBlank(top.dimension, template.ResourceId);
  return {
    status: readStatus(alarmStatus, childPath(path, 'alarm_status')),
    alertKeyParts: [alarmId, resource, top.metric_name].filter((part) => part !== undefined),
    title: cesAlarmTitle(top.alarm_name ?? alarmId, template.ResourceName),
    description: firstNonBlank(top.sms_content, top.default_content),
    labels: labelsOf([
      ['alarm_id', alarmId],
      ['alarm_name', top.alarm_name],
      ['alarm_status', alarmStatus],
      ['alarm_level', template.AlarmLevel],
      ['namespace', top.namespace],
      ['metric_name', top.metric_name],
      ['dimension', top.dimension],
      ['resource_id', template.ResourceId],
      ['resource_name', template.ResourceName],
      ['region', template.Region],
    ]),
    annotations: labelsOf([
      ['current_data', template.CurrentData],
      ['threshold', thresholdOf(template.ComparisonOperator, template.Value)],
      ['alarm_description', template.AlarmDesc],
    ]),
    time: readEpochTime(alarm.time, childPath(path, 'time')),
    consoleUrl: consoleUrlOf(template.Link),
  };
}
