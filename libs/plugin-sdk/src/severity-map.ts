import type { ParsedEvent } from './parsed-event.js';
import { isSeverity, type EventStatus, type Severity } from './severity.js';

/** What a source word maps to: a severity, or `Ok`, which means the problem is over. */
export type SeverityMapValue = Severity | 'Ok';

/**
 * Declarative severity mapping: data, so the API can show it and an integration can override it.
 * `fields` are read in order (`labels.<name>` or `annotations.<name>`); the first value found in
 * `values` (compared case-insensitively) decides; when none is found the event gets `default`.
 */
export interface SeverityMap {
  fields: string[];
  values: Record<string, SeverityMapValue>;
  default: Severity;
}

/** The outcome of mapping one event: its severity, its effective status, the word that decided. */
export interface SeverityDecision {
  severity: Severity;
  status: EventStatus;
  sourceSeverity?: string;
}

const FIELD_PATTERN = /^(labels|annotations)\.[^\s]+$/;

const lowerCaseValues = new WeakMap<SeverityMap, Map<string, SeverityMapValue>>();

function valuesOf(map: SeverityMap): Map<string, SeverityMapValue> {
  let values = lowerCaseValues.get(map);
  if (!values) {
    values = new Map(
      Object.entries(map.values).map(([word, value]) => [word.toLowerCase(), value]),
    );
    lowerCaseValues.set(map, values);
  }
  return values;
}

function readField(event: ParsedEvent, field: string): string | undefined {
  const dot = field.indexOf('.');
  const source = field.slice(0, dot) === 'labels' ? event.labels : event.annotations;
  const value = source?.[field.slice(dot + 1)];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * Maps an event's source severity. A word mapped to `Ok` resolves the event whatever its status
 * said, as Prometheus users do with `severity=ok`. An event whose plugin decided its severity
 * itself keeps it.
 */
export function applySeverityMap(map: SeverityMap, event: ParsedEvent): SeverityDecision {
  if (event.severity !== undefined) {
    return { severity: event.severity, status: event.status, sourceSeverity: event.sourceSeverity };
  }
  const values = valuesOf(map);
  const candidates = map.fields.map((field) => readField(event, field));
  if (event.sourceSeverity !== undefined) candidates.push(event.sourceSeverity);
  const found = candidates.filter((word): word is string => word !== undefined);

  for (const word of found) {
    const mapped = values.get(word.toLowerCase());
    if (mapped === 'Ok') return { severity: map.default, status: 'resolved', sourceSeverity: word };
    if (mapped !== undefined)
      return { severity: mapped, status: event.status, sourceSeverity: word };
  }
  return { severity: map.default, status: event.status, sourceSeverity: found[0] };
}

/** Everything wrong with a severity map, as sentences; empty when it is usable. */
export function severityMapProblems(map: unknown): string[] {
  if (typeof map !== 'object' || map === null) return ['severity map is missing'];
  const { fields, values, default: fallback } = map as Partial<SeverityMap>;
  const problems: string[] = [];
  if (!Array.isArray(fields) || fields.length === 0) {
    problems.push('fields must list at least one field');
  } else {
    for (const field of fields) {
      if (typeof field !== 'string' || !FIELD_PATTERN.test(field)) {
        problems.push(
          `field ${JSON.stringify(field)} must look like labels.<name> or annotations.<name>`,
        );
      }
    }
  }
  if (!isSeverity(fallback)) {
    problems.push(
      `default must be one of Critical, Warning, Info (got ${JSON.stringify(fallback)})`,
    );
  }
  if (typeof values !== 'object' || values === null) {
    problems.push('values must map source words to a severity or Ok');
  } else {
    const seen = new Map<string, unknown>();
    for (const [word, value] of Object.entries(values)) {
      if (value !== 'Ok' && !isSeverity(value)) {
        problems.push(`value of ${JSON.stringify(word)} must be Critical, Warning, Info or Ok`);
      }
      const lower = word.toLowerCase();
      if (seen.has(lower) && seen.get(lower) !== value) {
        problems.push(`${JSON.stringify(word)} is mapped twice with different severities`);
      }
      seen.set(lower, value);
    }
  }
  return problems;
}

/** The severity map as a markdown table, so docs never restate it by hand. */
export function renderSeverityTable(map: SeverityMap): string {
  const fields = map.fields.map((field) => `\`${field}\``).join(', then ');
  const bySeverity = new Map<SeverityMapValue, string[]>();
  for (const [word, value] of Object.entries(map.values)) {
    bySeverity.set(value, [...(bySeverity.get(value) ?? []), `\`${word}\``]);
  }
  const order: SeverityMapValue[] = ['Critical', 'Warning', 'Info', 'Ok'];
  const rows = order
    .filter((value) => bySeverity.has(value))
    .map((value) => {
      const meaning = value === 'Ok' ? 'Ok (resolves the alert)' : value;
      return `| ${bySeverity.get(value)?.join(', ')} | ${meaning} |`;
    });
  return [
    `Severity is read from ${fields} (case-insensitive).`,
    '',
    '| Source value | Alert Hub severity |',
    '| --- | --- |',
    ...rows,
    `| anything else, or none | ${map.default} |`,
  ].join('\n');
}
