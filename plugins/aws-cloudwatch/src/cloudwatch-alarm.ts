import {
  PayloadError,
  childPath,
  firstNonBlank,
  readArray,
  readIsoTime,
  readJsonText,
  readObject,
  readOptionalString,
  readString,
  type EventStatus,
  type JsonObject,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';
import { alarmConsoleUrl } from './cloudwatch-console-link.js';
import type { SnsMessage } from './sns-message.js';

const MESSAGE_PATH = '$.Message';

/**
 * `NewStateValue`: ALARM fires; OK resolves; INSUFFICIENT_DATA (the alarm cannot tell: data is
 * missing) fires too, at the severity the map gives the state (Info), so that an alarm that
 * loses its data is seen without paging anyone.
 */
const STATUS_BY_STATE: Readonly<Record<string, EventStatus>> = {
  ALARM: 'firing',
  OK: 'resolved',
  INSUFFICIENT_DATA: 'firing',
};

/** A number or text value of the alarm as text; absent, null and empty are none. */
function textOf(value: unknown, path: string): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return readOptionalString(value, path);
}

function readState(alarm: JsonObject, name: string): string {
  const path = childPath(MESSAGE_PATH, name);
  const state = readString(alarm[name], path);
  if (STATUS_BY_STATE[state] === undefined) {
    throw new PayloadError(
      `expected ${Object.keys(STATUS_BY_STATE).join(', ')}, got ${JSON.stringify(state)}`,
      path,
    );
  }
  return state;
}

/** `Trigger.Dimensions` (`[{name, value}]`) as `dimension.<name>` labels. */
function dimensionLabels(trigger: JsonObject, triggerPath: string): Record<string, string> {
  const path = childPath(triggerPath, 'Dimensions');
  if (trigger.Dimensions === undefined || trigger.Dimensions === null) return {};
  const entries = readArray(trigger.Dimensions, path).map((item, index) => {
    const itemPath = childPath(path, index);
    const dimension = readObject(item, itemPath);
    const name = readString(dimension.name, childPath(itemPath, 'name'));
    return [`dimension.${name}`, textOf(dimension.value, childPath(itemPath, 'value')) ?? ''];
  });
  return Object.fromEntries(entries) as Record<string, string>;
}

/** What the alarm watches, for labels (what routing reads) and annotations (what people read). */
function readTrigger(alarm: JsonObject): {
  labels: Record<string, string>;
  annotations: Record<string, string>;
} {
  const path = childPath(MESSAGE_PATH, 'Trigger');
  if (alarm.Trigger === undefined || alarm.Trigger === null) return { labels: {}, annotations: {} };
  const trigger = readObject(alarm.Trigger, path);
  const read = (name: string) => textOf(trigger[name], childPath(path, name));
  const labels: Record<string, string> = {};
  const annotations: Record<string, string> = {};
  const namespace = read('Namespace');
  const metric = read('MetricName');
  if (namespace !== undefined) labels.namespace = namespace;
  if (metric !== undefined) labels.metric = metric;
  for (const [annotation, name] of [
    ['statistic', 'Statistic'],
    ['comparison', 'ComparisonOperator'],
    ['threshold', 'Threshold'],
    ['period_seconds', 'Period'],
    ['evaluation_periods', 'EvaluationPeriods'],
  ] as const) {
    const value = read(name);
    if (value !== undefined) annotations[annotation] = value;
  }
  return { labels: { ...labels, ...dimensionLabels(trigger, path) }, annotations };
}

/** The alarm's identity: its ARN, or for older messages without one, account, region and name. */
function alarmKey(alarmArn: string | undefined, account: string, region: string, name: string) {
  return alarmArn ?? `${account}/${region}/${name}`;
}

/**
 * The event of a notification whose `Message` is a CloudWatch alarm state change (JSON text):
 * `NewStateValue` decides the status, `StateChangeTime` (`+0000`, no colon) the times.
 */
export function cloudWatchAlarmEvent(message: SnsMessage): ParsedEvent {
  const alarm = readObject(
    readJsonText(message.message, MESSAGE_PATH, 'a CloudWatch alarm'),
    MESSAGE_PATH,
  );
  const read = (name: string) => readOptionalString(alarm[name], childPath(MESSAGE_PATH, name));
  const name = readString(alarm.AlarmName, childPath(MESSAGE_PATH, 'AlarmName'));
  const state = readState(alarm, 'NewStateValue');
  const status = STATUS_BY_STATE[state] ?? 'firing';
  const account = textOf(alarm.AWSAccountId, childPath(MESSAGE_PATH, 'AWSAccountId')) ?? '';
  const region = read('Region') ?? '';
  const alarmArn = read('AlarmArn');
  const changedAt = readIsoTime(alarm.StateChangeTime, childPath(MESSAGE_PATH, 'StateChangeTime'));
  const trigger = readTrigger(alarm);
  const description = read('AlarmDescription');
  const oldState = read('OldStateValue');
  const consoleUrl = alarmConsoleUrl(alarmArn);
  return {
    status,
    alertKey: alarmKey(alarmArn, account, region, name),
    title: name,
    description: firstNonBlank(read('NewStateReason'), description),
    labels: {
      alarm_name: name,
      state,
      ...(account === '' ? {} : { account }),
      ...(region === '' ? {} : { region }),
      ...trigger.labels,
    },
    annotations: {
      ...(description === undefined ? {} : { alarm_description: description }),
      ...(oldState === undefined ? {} : { old_state: oldState }),
      ...trigger.annotations,
    },
    startsAt: status === 'firing' ? changedAt : undefined,
    endsAt: status === 'resolved' ? changedAt : undefined,
    eventTime: changedAt,
    links: consoleUrl === undefined ? undefined : { sourceUrl: consoleUrl },
    raw: message.raw,
  };
}
