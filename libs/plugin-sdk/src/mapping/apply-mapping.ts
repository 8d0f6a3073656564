import { stableHash } from '../labels-hash.js';
import { MAX_EVENTS_PER_PUSH } from '../events-per-push.js';
import { fallbackTitle, type EventLinks, type ParsedEvent } from '../parsed-event.js';
import { PayloadError } from '../payload-error.js';
import { describeValue } from '../payload/describe-value.js';
import { childPath } from '../payload/json-path.js';
import type { EventStatus, Severity } from '../severity.js';
import type { EventMapping, LocatedPath, LocatedTime, ValueMap } from './event-mapping.js';
import { WorkBudget, WorkBudgetExceeded } from './mapping-budget.js';
import { MappingError } from './mapping-error.js';
import { mapWord } from './value-map.js';
import { readMappingTime } from './mapping-time.js';
import {
  bodyPathOf,
  readPath,
  renderTemplate,
  scalarText,
  type MappingScope,
} from './mapping-reader.js';

/** Labels read from one object (or array of pairs): the core keeps no more per event. */
export const LABELS_FROM_ENTRIES = 256;

type LabelEntries = readonly (readonly [string, string])[];

/** What reading one push shares between its items. */
interface PushReading {
  readonly mapping: EventMapping;
  readonly body: unknown;
  readonly receivedAt: Date;
  readonly budget: WorkBudget;
  /** Labels of an object many items point at (`$$.commonLabels`) are read once per push. */
  readonly labelSources: Map<object, LabelEntries>;
}

function itemsOf(reading: PushReading): MappingScope[] {
  const { mapping, body } = reading;
  const root: MappingScope = { body, item: body, itemPath: '$' };
  if (mapping.items === undefined) return [root];
  const items = readPath(mapping.items.path, root, reading.budget);
  const where = bodyPathOf(mapping.items.path, root);
  if (!Array.isArray(items)) {
    const found = items === undefined ? 'is missing' : `is ${describeValue(items)}`;
    throw new MappingError(
      `${found}, where the mapping reads its array of items`,
      where,
      mapping.items.field,
    );
  }
  if (items.length > MAX_EVENTS_PER_PUSH) {
    throw new MappingError(
      `holds ${items.length} items; a push carries at most ${MAX_EVENTS_PER_PUSH} events`,
      where,
      mapping.items.field,
    );
  }
  return (items as unknown[]).map((item, index) => ({
    body,
    item,
    itemPath: childPath(where, index),
  }));
}

function keyPart(located: LocatedPath, scope: MappingScope, reading: PushReading): string {
  const value = readPath(located.path, scope, reading.budget);
  const text = scalarText(value, located.path, scope, located.field);
  if (text === undefined) {
    throw new MappingError(
      `is ${value === null ? 'null' : 'missing'}, and the alert key is made of it`,
      bodyPathOf(located.path, scope),
      located.field,
    );
  }
  reading.budget.spend(text.length);
  return text;
}

function labelEntry(element: unknown): readonly [string, unknown] | undefined {
  if (Array.isArray(element)) {
    return element.length === 2 && typeof element[0] === 'string'
      ? [element[0], element[1] as unknown]
      : undefined;
  }
  if (
    typeof element === 'object' &&
    element !== null &&
    Object.hasOwn(element, 'key') &&
    Object.hasOwn(element, 'value')
  ) {
    const { key, value } = element as { key: unknown; value: unknown };
    return typeof key === 'string' ? [key, value] : undefined;
  }
  return undefined;
}

function labelText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  return undefined;
}

/**
 * The labels an object gives (every entry whose value is text, a number or a boolean), or an
 * array of `[name, value]` pairs or of `{key, value}` objects; at most {@link LABELS_FROM_ENTRIES}.
 */
function readLabelEntries(source: object, budget: WorkBudget): LabelEntries {
  const entries: (readonly [string, string])[] = [];
  const add = (name: string, value: unknown) => {
    const text = labelText(value);
    if (text !== undefined) entries.push([name, text]);
  };
  if (Array.isArray(source)) {
    for (const element of source as unknown[]) {
      if (entries.length === LABELS_FROM_ENTRIES) break;
      budget.spend(1);
      const entry = labelEntry(element);
      if (entry) add(entry[0], entry[1]);
    }
    return entries;
  }
  const names = Object.keys(source);
  budget.spend(names.length);
  for (const name of names) {
    if (entries.length === LABELS_FROM_ENTRIES) break;
    add(name, (source as Record<string, unknown>)[name]);
  }
  return entries;
}

function labelsFrom(located: LocatedPath, scope: MappingScope, reading: PushReading): LabelEntries {
  const source = readPath(located.path, scope, reading.budget);
  if (source === undefined || source === null) return [];
  if (typeof source !== 'object') {
    throw new MappingError(
      `is ${describeValue(source)}, where the mapping reads labels from an object or an array of pairs`,
      bodyPathOf(located.path, scope),
      located.field,
    );
  }
  let entries = reading.labelSources.get(source);
  if (entries === undefined) {
    entries = readLabelEntries(source, reading.budget);
    reading.labelSources.set(source, entries);
  }
  return entries;
}

function readLabels(scope: MappingScope, reading: PushReading): Record<string, string> {
  const labels = new Map<string, string>();
  for (const located of reading.mapping.labelsFrom) {
    for (const [name, value] of labelsFrom(located, scope, reading)) labels.set(name, value);
  }
  for (const { name, template, field } of reading.mapping.labels) {
    const text = renderTemplate(template, scope, reading.budget, field);
    if (text !== '') labels.set(name, text);
  }
  // fromEntries, not assignment: a label named `__proto__` stays a label.
  return Object.fromEntries(labels);
}

function readLinks(scope: MappingScope, reading: PushReading): EventLinks | undefined {
  const links: [string, string][] = [];
  for (const { name, template, field } of reading.mapping.links) {
    const url = renderTemplate(template, scope, reading.budget, field);
    if (url !== '') links.push([name, url]);
  }
  return links.length === 0 ? undefined : Object.fromEntries(links);
}

/** The text a value map reads, if its path gives one. */
function mappedWord<T extends string>(
  map: ValueMap<T>,
  scope: MappingScope,
  reading: PushReading,
): string | undefined {
  if (map.path === undefined) return undefined;
  return scalarText(readPath(map.path, scope, reading.budget), map.path, scope, map.field);
}

function readEventTime(time: LocatedTime, scope: MappingScope, reading: PushReading): Date {
  const value = readPath(time.path, scope, reading.budget);
  if (typeof value === 'string') reading.budget.spend(value.length);
  try {
    return readMappingTime(value, time, bodyPathOf(time.path, scope)) ?? reading.receivedAt;
  } catch (error) {
    if (!(error instanceof PayloadError)) throw error;
    throw new MappingError(error.message.slice(error.path.length + 2), error.path, time.field);
  }
}

function severityOf(
  scope: MappingScope,
  reading: PushReading,
): { severity?: Severity; sourceSeverity?: string } {
  const map = reading.mapping.severity;
  if (map === undefined) return {};
  const word = mappedWord(map, scope, reading);
  return {
    severity: mapWord(map, word, reading.budget),
    ...(word !== undefined && word !== '' && { sourceSeverity: word }),
  };
}

/**
 * The title the template wrote; when it wrote nothing (a resolution often carries nothing but its
 * key), the key's own values stand in, and the event keeps its alert's title.
 */
function titleOf(
  title: string,
  keyParts: readonly string[],
  alertKey: string,
): Pick<ParsedEvent, 'title' | 'keepsAlertTitle'> {
  if (title.trim() !== '') return { title };
  const joined = keyParts.join(' / ');
  return { title: joined.trim() !== '' ? joined : fallbackTitle(alertKey), keepsAlertTitle: true };
}

function readEvent(scope: MappingScope, reading: PushReading): ParsedEvent {
  const { mapping, budget } = reading;
  const keyParts = mapping.alertKey.map((located) => keyPart(located, scope, reading));
  const alertKey = stableHash(keyParts);
  const title = renderTemplate(mapping.title.template, scope, budget, mapping.title.field);
  const description =
    mapping.description &&
    renderTemplate(mapping.description.template, scope, budget, mapping.description.field);
  const status: EventStatus = mapWord(
    mapping.status,
    mappedWord(mapping.status, scope, reading),
    budget,
  );
  const links = readLinks(scope, reading);
  return {
    status,
    alertKey,
    ...titleOf(title, keyParts, alertKey),
    ...(description !== undefined && description.trim() !== '' && { description }),
    labels: readLabels(scope, reading),
    ...severityOf(scope, reading),
    eventTime: mapping.eventTime
      ? readEventTime(mapping.eventTime, scope, reading)
      : reading.receivedAt,
    ...(links && { links }),
    raw: scope.item,
  };
}

/**
 * The events of a body read with a mapping: one per item, in order. Throws a `MappingError`
 * naming the path in the body and the field of the mapping when a value the mapping needs is
 * missing or of the wrong kind, or when the push needs more work than
 * {@link MAPPING_WORK_LIMIT} allows. Pure, and never reads beyond the body's own values.
 */
export function applyMapping(
  mapping: EventMapping,
  body: unknown,
  receivedAt: Date,
): ParsedEvent[] {
  const reading: PushReading = {
    mapping,
    body,
    receivedAt,
    budget: new WorkBudget(),
    labelSources: new Map(),
  };
  let current = '$';
  try {
    return itemsOf(reading).map((scope) => {
      current = scope.itemPath;
      return readEvent(scope, reading);
    });
  } catch (error) {
    if (!(error instanceof WorkBudgetExceeded)) throw error;
    throw new MappingError(
      `${error.message}: send fewer items in one push, or map fewer fields`,
      current,
      mapping.field,
    );
  }
}
