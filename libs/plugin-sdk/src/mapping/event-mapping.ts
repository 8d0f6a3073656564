import type { EventStatus, Severity } from '../severity.js';
import type { MappingPath, MappingTemplate } from './mapping-grammar.js';
import type { MappingTime, TimeFormat } from './mapping-time.js';

/**
 * A mapping as an admin writes it (JSON): how to read events from any JSON body. Text fields are
 * templates, the others paths; the README of plugins/webhook documents each field.
 */
export interface EventMappingDocument {
  /** Path to the array of items; without it the body is one item. */
  items?: string;
  /** Paths whose values, hashed together, are the alert key. */
  alertKey: string | string[];
  title: string;
  description?: string;
  /** Paths to objects (or arrays of pairs) whose every entry becomes a label. */
  labelsFrom?: string | string[];
  /** Label name → template; wins over `labelsFrom`. */
  labels?: Record<string, string>;
  /** Link name → template of a URL. */
  links?: Record<string, string>;
  eventTime?: { path: string; format?: TimeFormat; pattern?: string; timezone?: string };
  severity?: { path?: string; values?: Record<string, Severity>; default?: Severity };
  status?: { path?: string; values?: Record<string, EventStatus>; default?: EventStatus };
}

/** Part of a compiled mapping, with the field of the mapping it came from, for messages. */
export interface Located {
  /** `mapping.alertKey[1]`, `mapping.labels.host`. */
  readonly field: string;
}

export interface LocatedPath extends Located {
  readonly path: MappingPath;
}

export interface LocatedTemplate extends Located {
  readonly template: MappingTemplate;
}

export interface NamedTemplate extends LocatedTemplate {
  readonly name: string;
}

/** Words (compared case-insensitively) to values, and the value when no word matches. */
export interface ValueMap<T extends string> extends Located {
  readonly path?: MappingPath;
  readonly values: ReadonlyMap<string, T>;
  readonly fallback: T;
  /** No longer text can be one of the words: it is not lowercased to find out. */
  readonly longestWord: number;
}

export interface LocatedTime extends Located, MappingTime {}

/** A mapping once checked and compiled: what a push is read with. */
export interface EventMapping extends Located {
  readonly items?: LocatedPath;
  readonly alertKey: readonly LocatedPath[];
  readonly title: LocatedTemplate;
  readonly description?: LocatedTemplate;
  readonly labelsFrom: readonly LocatedPath[];
  /** In the mapping's order. */
  readonly labels: readonly NamedTemplate[];
  readonly links: readonly NamedTemplate[];
  readonly eventTime?: LocatedTime;
  /** Absent: the plugin's severity map decides, as for any other plugin. */
  readonly severity?: ValueMap<Severity>;
  readonly status: ValueMap<EventStatus>;
}
