import {
  PayloadError,
  childPath,
  firstNonBlank,
  readObject,
  readOptionalString,
  type JsonObject,
} from '@alert-hub/plugin-sdk';
import { readTextFields } from './tencent-text-fields.js';

/** `alarmType`: what a policy's condition watches. */
export type AlarmType = 'metric' | 'event';

/** The part of an alarm that says what was watched and what was seen (`conditions`). */
export interface AlarmCondition {
  /** `metricName` or `eventName`: part of the alert key, the same in every push of the alarm. */
  readonly name: string;
  readonly labels: Record<string, string>;
  /** What changes from one push to the next (the current value). */
  readonly annotations: Record<string, string>;
  /** What happened, for the title: `DiskUtilization > 95%`, `ping unreachable`. */
  readonly summary: string;
  /** The same with the period and the current value, for the description. */
  readonly details: string;
}

const METRIC_LABELS = ['metricName', 'metricShowName'] as const;
const METRIC_ANNOTATIONS = ['currentValue', 'historyValue', 'unit'] as const;
const METRIC_TEXTS = ['calcType', 'calcValue', 'calcUnit', 'period', 'periodNum'] as const;
const EVENT_LABELS = ['productName', 'productShowName', 'eventName', 'eventShowName'] as const;

/** `metricName` or `eventName`, which the alert key needs. */
function readWatchedName(conditions: JsonObject, path: string, field: string): string {
  const fieldPath = childPath(path, field);
  const name = firstNonBlank(readOptionalString(conditions[field], fieldPath));
  if (name === undefined) {
    throw new PayloadError('is required (what the policy watches)', fieldPath);
  }
  return name;
}

/** `95%`, but `120 ms`: a percent sign sticks to its number, a word does not. */
function withUnit(value: string, unit: string | undefined): string {
  if (unit === undefined) return value;
  return unit === '%' ? `${value}${unit}` : `${value} ${unit}`;
}

function describePeriods(period: string | undefined, periodNum: string | undefined): string {
  if (period === undefined) return '';
  const count = periodNum ?? '1';
  return count === '1' ? ` over 1 period of ${period} s` : ` over ${count} periods of ${period} s`;
}

function readMetricCondition(conditions: JsonObject, path: string): AlarmCondition {
  const name = readWatchedName(conditions, path, 'metricName');
  const labels = readTextFields(conditions, path, METRIC_LABELS);
  const annotations = readTextFields(conditions, path, METRIC_ANNOTATIONS);
  const { calcType, calcValue, calcUnit, period, periodNum } = readTextFields(
    conditions,
    path,
    METRIC_TEXTS,
  );
  const { currentValue, unit } = annotations;
  const shown = firstNonBlank(labels.metricShowName, name) ?? name;
  const summary =
    calcType === undefined || calcValue === undefined
      ? shown
      : `${shown} ${calcType} ${withUnit(calcValue, calcUnit ?? unit)}`;
  const current =
    currentValue === undefined ? '' : `: current value ${withUnit(currentValue, unit)}`;
  return {
    name,
    labels,
    annotations,
    summary,
    details: `${summary}${describePeriods(period, periodNum)}${current}`,
  };
}

function readEventCondition(conditions: JsonObject, path: string): AlarmCondition {
  const name = readWatchedName(conditions, path, 'eventName');
  const labels = readTextFields(conditions, path, EVENT_LABELS);
  const shown = firstNonBlank(labels.eventShowName, name) ?? name;
  const product = firstNonBlank(labels.productShowName, labels.productName);
  return {
    name,
    labels,
    annotations: {},
    summary: shown,
    details: product === undefined ? shown : `${shown} (${product})`,
  };
}

/** `alarmPolicyInfo.conditions` of a metric alarm or of an event alarm. */
export function readAlarmCondition(value: unknown, path: string, type: AlarmType): AlarmCondition {
  const conditions = readObject(value, path);
  return type === 'metric'
    ? readMetricCondition(conditions, path)
    : readEventCondition(conditions, path);
}
