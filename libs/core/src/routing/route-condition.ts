import type { NormalizedEvent } from '../events/normalized-event.js';
import { compileRouteRegex, type RouteRegex } from './route-regex.js';
import { LABEL_FIELD_PREFIX, type RouteCondition } from './route-set.js';

/**
 * What a condition reads of an event. All of it is stored with the event, so a stored event can
 * be routed again (a preview over recent events) without its payload; an active alert has all of
 * it too (its latest firing event's), so silences test alerts, and notifications the alerts they
 * announce, with the same conditions.
 */
export type ConditionSubject = Pick<
  NormalizedEvent,
  'labels' | 'title' | 'description' | 'severity' | 'status'
>;

/** A condition ready to test events: patterns compiled once, when the rule set is compiled. */
export type EventPredicate = (event: ConditionSubject) => boolean;

/**
 * Reads the value a condition tests, or undefined when the event lacks the field: a label it does
 * not carry, or no description. `severity` is the mapped severity (Critical, Warning, Info) and
 * `status` the effective one (firing, resolved: a source value mapped to Ok reads resolved).
 */
export type FieldReader = (event: ConditionSubject) => string | undefined;

/**
 * The reader of a field (`title`, `labels.team`): the name is read once, when a condition or a
 * pipeline step is compiled, not again at every event it tests.
 */
export function compileField(field: string): FieldReader {
  if (field.startsWith(LABEL_FIELD_PREFIX)) {
    const name = field.slice(LABEL_FIELD_PREFIX.length);
    return (event) => (Object.hasOwn(event.labels, name) ? event.labels[name] : undefined);
  }
  switch (field) {
    case 'title':
      return (event) => event.title;
    case 'description':
      return (event) => event.description ?? undefined;
    case 'severity':
      return (event) => event.severity;
    case 'status':
      return (event) => event.status;
    default:
      return () => undefined;
  }
}

/**
 * Each negative operator holds exactly when its positive twin does not: `not_equals`, `not_in`
 * and `not_regex` hold for an event that lacks the field, as `not_exists` does.
 */
export function compileCondition(condition: RouteCondition): EventPredicate {
  const valueOf = compileField(condition.field);
  switch (condition.operator) {
    case 'equals': {
      const { value } = condition;
      return (event) => valueOf(event) === value;
    }
    case 'not_equals': {
      const { value } = condition;
      return (event) => valueOf(event) !== value;
    }
    case 'in': {
      const values = new Set(condition.values);
      return (event) => isIn(valueOf(event), values);
    }
    case 'not_in': {
      const values = new Set(condition.values);
      return (event) => !isIn(valueOf(event), values);
    }
    case 'regex': {
      const regex = compileRouteRegex(condition.value);
      return (event) => matches(valueOf(event), regex);
    }
    case 'not_regex': {
      const regex = compileRouteRegex(condition.value);
      return (event) => !matches(valueOf(event), regex);
    }
    case 'exists':
      return (event) => valueOf(event) !== undefined;
    case 'not_exists':
      return (event) => valueOf(event) === undefined;
  }
}

function isIn(value: string | undefined, values: ReadonlySet<string>): boolean {
  return value !== undefined && values.has(value);
}

function matches(value: string | undefined, regex: RouteRegex): boolean {
  return value !== undefined && regex.test(value);
}
