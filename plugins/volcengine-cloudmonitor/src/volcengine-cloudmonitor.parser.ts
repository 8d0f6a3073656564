import {
  NEVER_RESOLVES,
  NEVER_RESOLVES_LABEL,
  PayloadError,
  childPath,
  firstNonBlank,
  readArray,
  readEpochTime,
  readObject,
  readObjectList,
  readOptionalString,
  readString,
  type EventStatus,
  type JsonObject,
  type ObjectAt,
  type ParseContext,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';

/** What each `Type` of callback means, and where it lists its resources. */
interface CallbackType {
  status: EventStatus;
  resourcesField: string;
  /** No-data alerts are a problem of their own: a recovered metric must not resolve them. */
  keySuffix: string;
  neverResolves: boolean;
}

const CALLBACK_TYPES: Record<string, CallbackType> = {
  Metric: { status: 'firing', resourcesField: 'Resources', keySuffix: '', neverResolves: false },
  MetricRecovered: {
    status: 'resolved',
    resourcesField: 'RecoveredResources',
    keySuffix: '',
    neverResolves: false,
  },
  MetricsNoData: {
    status: 'firing',
    resourcesField: 'NoDataResources',
    keySuffix: ':nodata',
    neverResolves: false,
  },
  NoDataRecovered: {
    status: 'resolved',
    resourcesField: 'NoDataRecoveredResources',
    keySuffix: ':nodata',
    neverResolves: false,
  },
  Event: {
    status: 'firing',
    resourcesField: 'Resources',
    keySuffix: ':event',
    neverResolves: true,
  },
};

function readType(body: JsonObject): CallbackType {
  const path = childPath('$', 'Type');
  const type = readString(body.Type, path);
  const known = Object.hasOwn(CALLBACK_TYPES, type) ? CALLBACK_TYPES[type] : undefined;
  if (known === undefined) {
    throw new PayloadError(
      `expected one of ${Object.keys(CALLBACK_TYPES).join(', ')}, got ${JSON.stringify(type)}`,
      path,
    );
  }
  return known;
}

/** The resources of a callback: its list for the type, or the single `Resource` of a variant. */
function readResources(body: JsonObject, type: CallbackType): ObjectAt[] {
  const listed = readObjectList(body[type.resourcesField], childPath('$', type.resourcesField));
  return listed.length > 0 ? listed : readObjectList(body.Resource, childPath('$', 'Resource'));
}

function text(object: JsonObject, name: string, path: string): string | undefined {
  const value = object[name];
  if (typeof value === 'number') return String(value);
  return readOptionalString(value, childPath(path, name));
}

/** `[{Name, Value}]` or `[{Key, Value}]` pairs (dimensions, tags) as labels with a prefix. */
function readPairs(
  value: unknown,
  path: string,
  nameField: string,
  prefix: string,
): [string, string][] {
  if (value === undefined || value === null) return [];
  return readArray(value, path).flatMap((item, index) => {
    const itemPath = childPath(path, index);
    const pair = readObject(item, itemPath);
    const name = text(pair, nameField, itemPath);
    const pairValue = text(pair, 'Value', itemPath);
    return name === undefined || pairValue === undefined ? [] : [[`${prefix}${name}`, pairValue]];
  });
}

function describeMetrics(resource: ObjectAt): string | undefined {
  const metricsPath = childPath(resource.path, 'Metrics');
  if (resource.object.Metrics === undefined || resource.object.Metrics === null) return undefined;
  const lines = readArray(resource.object.Metrics, metricsPath).map((item, index) => {
    const path = childPath(metricsPath, index);
    const metric = readObject(item, path);
    const name = text(metric, 'Name', path) ?? 'metric';
    const value = text(metric, 'CurrentValue', path);
    const unit = text(metric, 'Unit', path);
    const condition = text(metric, 'TriggerCondition', path);
    const current = value === undefined ? '' : ` = ${value}${unit === undefined ? '' : ` ${unit}`}`;
    return `${name}${current}${condition === undefined ? '' : ` (${condition})`}`;
  });
  return lines.length > 0 ? lines.join('; ') : undefined;
}

function resourceEvent(
  body: JsonObject,
  type: CallbackType,
  ruleId: string,
  resource: ObjectAt,
): ParsedEvent {
  const { object, path } = resource;
  const resourceId = text(object, 'Id', path);
  const resourceName = text(object, 'Name', path);
  const ruleLabels = [
    'Type',
    'Level',
    'RuleName',
    'Namespace',
    'SubNamespace',
    'Project',
    'AccountId',
  ];
  const labels: Record<string, string> = Object.fromEntries([
    ...readPairs(body.Tags, childPath('$', 'Tags'), 'Key', 'tag.'),
    ...readPairs(object.Dimensions, childPath(path, 'Dimensions'), 'Name', 'dimension.'),
    ...ruleLabels.flatMap((name) => {
      const value = text(body, name, '$');
      return value === undefined ? [] : [[name, value] as [string, string]];
    }),
    ['RuleId', ruleId],
  ]);
  if (resourceId !== undefined) labels.ResourceId = resourceId;
  if (resourceName !== undefined) labels.ResourceName = resourceName;
  const region = text(object, 'Region', path);
  if (region !== undefined) labels.Region = region;
  if (type.neverResolves) labels[NEVER_RESOLVES_LABEL] = NEVER_RESOLVES;
  const ruleCondition = text(body, 'RuleCondition', '$');
  const happenedAt = text(body, 'HappenedAt', '$');
  const annotations = Object.fromEntries(
    [
      ['RuleCondition', ruleCondition],
      ['HappenedAt', happenedAt],
    ].filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const ruleName = labels.RuleName;
  const title = firstNonBlank(ruleName, ruleId) ?? ruleId;
  const shown = firstNonBlank(resourceName, resourceId);
  return {
    status: type.status,
    alertKey: `${ruleId}:${resourceId ?? ''}${type.keySuffix}`,
    title: shown === undefined ? title : `${title} on ${shown}`,
    description: describeMetrics(resource) ?? ruleCondition,
    labels,
    annotations: Object.keys(annotations).length > 0 ? annotations : undefined,
    startsAt: readEpochTime(object.FirstAlertTime, childPath(path, 'FirstAlertTime')),
    eventTime: readEpochTime(object.LastAlertTime, childPath(path, 'LastAlertTime')),
    raw: object,
  };
}

/**
 * Parses a Volcengine Cloud Monitor alarm callback (not VMP's): one event per resource it lists,
 * keyed by the rule and the resource. An `Event` callback never resolves, so it is marked so and
 * opens an informational alert; one that lists no resource gives one event for the rule.
 */
export function parseVolcengineCloudmonitorWebhook(
  body: unknown,
  _context: ParseContext,
): ParsedEvent[] {
  const callback = readObject(body, '$');
  const type = readType(callback);
  const ruleId = readString(callback.RuleId, childPath('$', 'RuleId'));
  const resources = readResources(callback, type);
  if (resources.length === 0) {
    return [resourceEvent(callback, type, ruleId, { object: callback, path: '$' })];
  }
  return resources.map((resource) => resourceEvent(callback, type, ruleId, resource));
}
