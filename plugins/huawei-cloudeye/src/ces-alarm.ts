import {
  PayloadError,
  childPath,
  readStringMap,
  type EventStatus,
  type JsonObject,
} from '@alert-hub/plugin-sdk';

/**
 * One Cloud Eye alarm notification as the plugin understands it, whichever of the two message
 * forms it came in (`ces-flat-alarm.ts`, `ces-data-alarm.ts`).
 */
export interface CesAlarm {
  readonly status: EventStatus;
  /**
   * What identifies the problem: the alarm rule (its id, or its name when the message has none),
   * the resource (its `dimension`, else `ResourceId`) and the metric, so that each resource and
   * each metric of one rule is an alert of its own.
   */
  readonly alertKeyParts: readonly string[];
  readonly title: string;
  readonly description?: string;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  /** When Cloud Eye evaluated the alarm; undefined when the message does not say. */
  readonly time?: Date;
  /** The alarm's history page in the Cloud Eye console. */
  readonly consoleUrl?: string;
}

/**
 * The named fields of an object that hold text, numbers or booleans, as text; blank ones are left
 * out. Cloud Eye writes a level as `Major` in one message and as `2` in another.
 */
export function readTextFields(
  object: JsonObject,
  names: readonly string[],
  path: string,
): Record<string, string> {
  const present = names.filter((name) => Object.hasOwn(object, name));
  const fields = readStringMap(Object.fromEntries(present.map((n) => [n, object[n]])), path);
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value.trim() !== ''));
}

/** A text field the alarm cannot be read without. */
export function requiredText(
  fields: Readonly<Record<string, string>>,
  name: string,
  what: string,
  path: string,
): string {
  const value = fields[name];
  if (value === undefined) throw new PayloadError(`is required (${what})`, childPath(path, name));
  return value;
}

/** Labels from `[label, value]` pairs, leaving out the values the message did not have. */
export function labelsOf(pairs: readonly (readonly [string, string | undefined])[]): {
  [label: string]: string;
} {
  return Object.fromEntries(
    pairs.filter((pair): pair is [string, string] => pair[1] !== undefined),
  );
}

/** A title that names the rule and, when known, the resource it fired for. */
export function cesAlarmTitle(ruleName: string, resourceName: string | undefined): string {
  return resourceName === undefined ? ruleName : `${ruleName}: ${resourceName}`;
}

/** `<operator> <threshold>` (`>= 12.00%`) when the message states both. */
export function thresholdOf(
  operator: string | undefined,
  threshold: string | undefined,
): string | undefined {
  return operator === undefined || threshold === undefined ? undefined : `${operator} ${threshold}`;
}

/** A console link, only when it is one: an HTTPS URL. */
export function consoleUrlOf(link: string | undefined): string | undefined {
  return link !== undefined && /^https:\/\/[^/\s]+/i.test(link) ? link : undefined;
}
