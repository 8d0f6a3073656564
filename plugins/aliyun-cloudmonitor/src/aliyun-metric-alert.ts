import {
  PayloadError,
  childPath,
  firstNonBlank,
  labelsHash,
  readEpochTime,
  readOptionalString,
  readString,
  type EventStatus,
  type JsonObject,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';
import { readDimensions } from './aliyun-dimensions.js';

/** `alertState` words; one old revision of the docs says `ALARM` where callbacks say `ALERT`. */
const STATUS_OF_ALERT_STATE: Record<string, EventStatus> = {
  ALERT: 'firing',
  ALARM: 'firing',
  INSUFFICIENT_DATA: 'firing',
  OK: 'resolved',
};

/** Fields copied to labels, for routing and for the severity map. */
const LABEL_FIELDS = [
  'alertState',
  'triggerLevel',
  'preTriggerLevel',
  'ruleId',
  'metricProject',
  'metricName',
  'instanceName',
  'userId',
  'regionId',
  'productGroupName',
] as const;

/** Fields copied to annotations: they change between notifications of one problem. */
const ANNOTATION_FIELDS = ['expression', 'curValue', 'unit', 'lastTime', 'transId'] as const;

/**
 * A field's text. Every value of a callback is a string, and CloudMonitor writes the word `null`
 * for a field it has no value for (`instanceName=null`, `preTriggerLevel=null`).
 */
function readField(alert: JsonObject, name: string): string | undefined {
  const value = readOptionalString(alert[name], childPath('$', name));
  return value === 'null' ? undefined : value;
}

function readFields(alert: JsonObject, names: readonly string[]): Record<string, string> {
  const entries = names.flatMap((name) => {
    const value = readField(alert, name);
    return value === undefined ? [] : [[name, value] as const];
  });
  return Object.fromEntries(entries);
}

function readStatus(alert: JsonObject): EventStatus {
  const path = childPath('$', 'alertState');
  const alertState = readString(alert.alertState, path);
  const status = STATUS_OF_ALERT_STATE[alertState.trim().toUpperCase()];
  if (status === undefined) {
    throw new PayloadError(
      `expected ALERT, ALARM, OK or INSUFFICIENT_DATA, got ${JSON.stringify(alertState)}`,
      path,
    );
  }
  return status;
}

function describeCondition(fields: Record<string, string>): string | undefined {
  const { metricName, expression, curValue, unit } = fields;
  if (expression === undefined && curValue === undefined) return undefined;
  const value = curValue === undefined ? undefined : `current value ${curValue}${unit ?? ''}`;
  const condition = [expression, value].filter((part) => part !== undefined).join(', ');
  return metricName === undefined ? condition : `${metricName}: ${condition}`;
}

/**
 * A threshold alert callback: one event. One rule covers many resources, so the alert key is the
 * rule with the resource's dimensions; `transId` changes with every notification and stays out.
 */
export function parseMetricAlert(alert: JsonObject): ParsedEvent {
  const status = readStatus(alert);
  const ruleId = readString(alert.ruleId, childPath('$', 'ruleId'));
  const dimensions = readDimensions(alert.dimensions, childPath('$', 'dimensions'));
  const fields = readFields(alert, LABEL_FIELDS);
  const annotations = readFields(alert, ANNOTATION_FIELDS);
  return {
    status,
    alertKey: `${ruleId}:${labelsHash(dimensions)}`,
    title:
      firstNonBlank(
        readField(alert, 'alertName'),
        [fields.metricProject, fields.metricName].filter(Boolean).join(' '),
      ) ?? ruleId,
    description: describeCondition({ ...fields, ...annotations }),
    // The alert's own fields win over a dimension of the same name (both hold `userId`).
    labels: { ...dimensions, ...fields },
    annotations,
    eventTime: readEpochTime(alert.timestamp, childPath('$', 'timestamp')),
    raw: alert,
  };
}
