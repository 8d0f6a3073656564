import { LINK_NAME_PATTERN } from '../link-name.js';
import { MAX_EVENT_LINKS } from '../parsed-event.js';
import { describeValue } from '../payload/describe-value.js';
import { childPath } from '../payload/json-path.js';
import { SEVERITIES, type EventStatus } from '../severity.js';
import type {
  EventMapping,
  LocatedPath,
  LocatedTemplate,
  LocatedTime,
  NamedTemplate,
  ValueMap,
} from './event-mapping.js';
import { GrammarError, parsePath, parseTemplate } from './mapping-grammar.js';
import {
  TIME_FORMATS,
  compileTimePattern,
  readMappingTimeZone,
  type TimeFormat,
} from './mapping-time.js';

/** Bounds on a mapping's size, so that what one item costs is bounded too. */
export const MAPPING_LIMITS = {
  /** The whole mapping, as JSON. */
  documentLength: 65_536,
  alertKeyPaths: 8,
  labelsFromPaths: 8,
  labels: 64,
  links: MAX_EVENT_LINKS,
  valueWords: 256,
  wordLength: 256,
  labelName: 255,
} as const;

export const EVENT_STATUSES: readonly EventStatus[] = ['firing', 'resolved'];

const MAPPING_FIELDS = [
  'items',
  'alertKey',
  'title',
  'description',
  'labelsFrom',
  'labels',
  'links',
  'eventTime',
  'severity',
  'status',
] as const;
const TIME_FIELDS = ['path', 'format', 'pattern', 'timezone'] as const;
const VALUE_MAP_FIELDS = ['path', 'values', 'default'] as const;

export type MappingCompilation =
  { valid: true; mapping: EventMapping } | { valid: false; problems: string[] };

/** Collects one sentence per problem, each starting with the field of the mapping it is about. */
class Problems {
  readonly list: string[] = [];

  add(field: string, message: string): undefined {
    this.list.push(`${field}: ${message}`);
    return undefined;
  }

  grammar(field: string, error: unknown): undefined {
    if (error instanceof GrammarError) return this.add(field, error.message);
    throw error;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `field`, with every key it has that is not one of `fields` reported. */
function objectAt(
  value: unknown,
  field: string,
  fields: readonly string[],
  problems: Problems,
): Record<string, unknown> | undefined {
  if (!isRecord(value))
    return problems.add(field, `must be an object, not ${describeValue(value)}`);
  for (const key of Object.keys(value)) {
    if (!fields.includes(key)) {
      problems.add(childPath(field, key), `is not a field here (fields: ${fields.join(', ')})`);
    }
  }
  return value;
}

function textAt(value: unknown, field: string, problems: Problems): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  return problems.add(field, `must be a non-empty string, not ${describeValue(value)}`);
}

function pathAt(value: unknown, field: string, problems: Problems): LocatedPath | undefined {
  const text = textAt(value, field, problems);
  if (text === undefined) return undefined;
  try {
    return { path: parsePath(text), field };
  } catch (error) {
    return problems.grammar(field, error);
  }
}

function templateAt(
  value: unknown,
  field: string,
  problems: Problems,
): LocatedTemplate | undefined {
  const text = textAt(value, field, problems);
  if (text === undefined) return undefined;
  try {
    return { template: parseTemplate(text), field };
  } catch (error) {
    return problems.grammar(field, error);
  }
}

/** One path, or a list of 1 to `max` paths. */
function pathListAt(value: unknown, field: string, max: number, problems: Problems): LocatedPath[] {
  if (!Array.isArray(value)) {
    const path = pathAt(value, field, problems);
    return path ? [path] : [];
  }
  if (value.length === 0 || value.length > max) {
    problems.add(field, `must list 1 to ${max} paths`);
    return [];
  }
  return value.flatMap((item, index) => pathAt(item, childPath(field, index), problems) ?? []);
}

/** Names to templates, in the mapping's order. */
function templateMapAt(
  value: unknown,
  field: string,
  max: number,
  nameProblem: (name: string) => string | undefined,
  problems: Problems,
): NamedTemplate[] {
  const templates: NamedTemplate[] = [];
  if (!isRecord(value)) {
    problems.add(field, `must be an object of names to templates, not ${describeValue(value)}`);
    return templates;
  }
  const entries = Object.entries(value);
  if (entries.length > max) problems.add(field, `holds at most ${max} entries`);
  for (const [name, text] of entries.slice(0, max)) {
    const nameField = childPath(field, name);
    const problem = nameProblem(name);
    if (problem !== undefined) problems.add(nameField, problem);
    const template = templateAt(text, nameField, problems);
    if (template !== undefined && problem === undefined) templates.push({ name, ...template });
  }
  return templates;
}

function labelNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'a label name must have text';
  if (name.length > MAPPING_LIMITS.labelName) {
    return `a label name is at most ${MAPPING_LIMITS.labelName} characters`;
  }
  return undefined;
}

function linkNameProblem(name: string): string | undefined {
  return LINK_NAME_PATTERN.test(name)
    ? undefined
    : 'a link name is a camelCase word (a letter, then letters, digits or _; at most 64)';
}

function timeAt(value: unknown, field: string, problems: Problems): LocatedTime | undefined {
  const spec = objectAt(value, field, TIME_FIELDS, problems);
  if (spec === undefined) return undefined;
  const path = pathAt(spec.path, childPath(field, 'path'), problems);
  const format = spec.format ?? 'auto';
  if (!(TIME_FORMATS as readonly unknown[]).includes(format)) {
    return problems.add(childPath(field, 'format'), `must be one of ${TIME_FORMATS.join(', ')}`);
  }
  let zone: LocatedTime['zone'] = { kind: 'offset', offset: 'Z' };
  if (spec.timezone !== undefined) {
    const name = textAt(spec.timezone, childPath(field, 'timezone'), problems);
    try {
      if (name !== undefined) zone = readMappingTimeZone(name);
    } catch (error) {
      problems.grammar(childPath(field, 'timezone'), error);
    }
  }
  if ((format === 'pattern') !== (spec.pattern !== undefined)) {
    return problems.add(
      childPath(field, 'pattern'),
      'is required with format "pattern", and only with it',
    );
  }
  if (spec.pattern === undefined) {
    return path && { path: path.path, format: format as TimeFormat, zone, field };
  }
  const text = textAt(spec.pattern, childPath(field, 'pattern'), problems);
  try {
    const pattern = text === undefined ? undefined : compileTimePattern(text);
    return path && pattern && { path: path.path, format: 'pattern', pattern, zone, field };
  } catch (error) {
    return problems.grammar(childPath(field, 'pattern'), error);
  }
}

/** A `{path, values, default}` section whose words map to one of `targets`. */
function valueMapAt<T extends string>(
  value: unknown,
  field: string,
  targets: readonly T[],
  fallback: T,
  problems: Problems,
): ValueMap<T> | undefined {
  const spec = objectAt(value, field, VALUE_MAP_FIELDS, problems);
  if (spec === undefined) return undefined;
  const isTarget = (candidate: unknown): candidate is T =>
    (targets as readonly unknown[]).includes(candidate);
  const words = new Map<string, T>();
  let longestWord = 0;
  const valuesField = childPath(field, 'values');
  const values = spec.values === undefined ? {} : spec.values;
  if (!isRecord(values)) {
    problems.add(valuesField, `must be an object of words to ${targets.join(', ')}`);
  } else if (Object.keys(values).length > MAPPING_LIMITS.valueWords) {
    problems.add(valuesField, `holds at most ${MAPPING_LIMITS.valueWords} words`);
  } else {
    for (const [word, target] of Object.entries(values)) {
      const wordField = childPath(valuesField, word);
      const lower = word.toLowerCase();
      if (word.length > MAPPING_LIMITS.wordLength) {
        problems.add(wordField, `a word is at most ${MAPPING_LIMITS.wordLength} characters`);
      } else if (!isTarget(target)) {
        problems.add(
          wordField,
          `must be one of ${targets.join(', ')}, not ${describeValue(target)}`,
        );
      } else if (words.has(lower) && words.get(lower) !== target) {
        problems.add(wordField, 'the same word (in another case) maps to something else');
      } else {
        words.set(lower, target);
        longestWord = Math.max(longestWord, word.length);
      }
    }
  }
  if (spec.default !== undefined && !isTarget(spec.default)) {
    problems.add(childPath(field, 'default'), `must be one of ${targets.join(', ')}`);
  }
  const path =
    spec.path === undefined ? undefined : pathAt(spec.path, childPath(field, 'path'), problems);
  return {
    ...(path && { path: path.path }),
    values: words,
    fallback: isTarget(spec.default) ? spec.default : fallback,
    longestWord,
    field,
  };
}

function documentLength(input: unknown): number {
  return JSON.stringify(input)?.length ?? 0;
}

/**
 * Checks a mapping and compiles it, or says everything wrong with it: one sentence per problem,
 * each naming its field (`mapping.severity.values.error: must be one of …`). Pure; `field` is
 * the name the mapping has where it was given.
 */
export function compileMapping(input: unknown, field = 'mapping'): MappingCompilation {
  const problems = new Problems();
  const spec = objectAt(input, field, MAPPING_FIELDS, problems);
  if (spec === undefined) return { valid: false, problems: problems.list };
  if (documentLength(spec) > MAPPING_LIMITS.documentLength) {
    problems.add(field, `is at most ${MAPPING_LIMITS.documentLength} characters of JSON`);
    return { valid: false, problems: problems.list };
  }
  const at = (name: (typeof MAPPING_FIELDS)[number]) => childPath(field, name);
  const optional = <T>(value: unknown, read: (value: unknown) => T): T | undefined =>
    value === undefined ? undefined : read(value);

  const items = optional(spec.items, (value) => pathAt(value, at('items'), problems));
  const alertKey =
    spec.alertKey === undefined
      ? (problems.add(at('alertKey'), 'is required: the paths that tell one problem from another'),
        [])
      : pathListAt(spec.alertKey, at('alertKey'), MAPPING_LIMITS.alertKeyPaths, problems);
  const title =
    spec.title === undefined
      ? problems.add(at('title'), 'is required: a template of the alert title')
      : templateAt(spec.title, at('title'), problems);
  const description = optional(spec.description, (value) =>
    templateAt(value, at('description'), problems),
  );
  const labelsFrom = optional(spec.labelsFrom, (value) =>
    pathListAt(value, at('labelsFrom'), MAPPING_LIMITS.labelsFromPaths, problems),
  );
  const labels = optional(spec.labels, (value) =>
    templateMapAt(value, at('labels'), MAPPING_LIMITS.labels, labelNameProblem, problems),
  );
  const links = optional(spec.links, (value) =>
    templateMapAt(value, at('links'), MAPPING_LIMITS.links, linkNameProblem, problems),
  );
  const eventTime = optional(spec.eventTime, (value) => timeAt(value, at('eventTime'), problems));
  const severity = optional(spec.severity, (value) =>
    valueMapAt(value, at('severity'), SEVERITIES, 'Warning', problems),
  );
  const status = valueMapAt(spec.status ?? {}, at('status'), EVENT_STATUSES, 'firing', problems);

  if (problems.list.length > 0 || title === undefined || status === undefined) {
    return { valid: false, problems: problems.list };
  }
  return {
    valid: true,
    mapping: {
      field,
      ...(items && { items }),
      alertKey,
      title,
      ...(description && { description }),
      labelsFrom: labelsFrom ?? [],
      labels: labels ?? [],
      links: links ?? [],
      ...(eventTime && { eventTime }),
      ...(severity && { severity }),
      status,
    },
  };
}
