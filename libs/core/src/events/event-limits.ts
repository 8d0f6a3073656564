import {
  LINK_NAME_PATTERN,
  MAX_EVENT_LINKS,
  isEventLinkUrl,
  MAX_EVENTS_PER_PUSH,
  truncateText,
  type EventLinks,
} from '@alert-hub/plugin-sdk';
import { createHash } from 'node:crypto';

/**
 * What the core keeps of a pushed event; the raw JSON keeps the whole of it. Too long or too many
 * is cut, never refused: Alertmanager gives up on a 4xx and sends the same group again at the next
 * interval, so refusing one oversized alert would lose every alert of its group for good.
 */
export const EVENT_LIMITS = {
  title: 512,
  description: 2048,
  labelValue: 2048,
  annotationValue: 16_384,
  /** Labels, and annotations, kept per event: the first ones in the order received. */
  mapEntries: 256,
  /** Length of a label or annotation name; the same as the `label.<name>` filter accepts. */
  mapName: 255,
  sourceSeverity: 255,
  alertKey: 255,
} as const;

/** Events one push may carry (the SDK's limit, which parsers may rely on): 413 above it. */
export const EVENTS_PER_PUSH = MAX_EVENTS_PER_PUSH;

/** Cuts a string to `max` UTF-16 units without leaving half of a surrogate pair behind. */
export const truncate = truncateText;

function withinLimits(values: Record<string, string>, maxValue: number): boolean {
  const names = Object.keys(values);
  return (
    names.length <= EVENT_LIMITS.mapEntries &&
    names.every((name) => name.length <= EVENT_LIMITS.mapName && values[name].length <= maxValue)
  );
}

/**
 * Labels or annotations as stored: at most `mapEntries` of them, names cut to `mapName` and values
 * to `maxValue`. A name its cut makes equal to an earlier one is dropped: the earlier one stays.
 */
export function boundedMap(
  values: Record<string, string>,
  maxValue: number,
): Record<string, string> {
  if (withinLimits(values, maxValue)) return values;
  const bounded = new Map<string, string>();
  for (const [name, value] of Object.entries(values)) {
    if (bounded.size >= EVENT_LIMITS.mapEntries) break;
    const boundedName = truncate(name, EVENT_LIMITS.mapName);
    if (!bounded.has(boundedName)) bounded.set(boundedName, truncate(value, maxValue));
  }
  // fromEntries, not assignment: a label named `__proto__` must stay a label.
  return Object.fromEntries(bounded);
}

/** A key longer than its column (`max`) is replaced by its hash: still stable, still unique. */
export function boundedKey(key: string, max: number): string {
  if (key.length <= max) return key;
  return `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

export function boundedAlertKey(alertKey: string): string {
  return boundedKey(alertKey, EVENT_LIMITS.alertKey);
}

/**
 * The links an event keeps: named as the SDK asks, absolute `http`/`https` URLs only (a console
 * renders them as links: a `javascript:` URL from a payload must never get there), at most
 * `MAX_EVENT_LINKS`; null when none is left. Dropped, not refused, like every other limit here.
 */
export function boundedLinks(links: EventLinks | undefined): EventLinks | null {
  if (links === undefined) return null;
  const kept: [string, string][] = [];
  for (const [name, url] of Object.entries(links)) {
    if (kept.length >= MAX_EVENT_LINKS) break;
    if (LINK_NAME_PATTERN.test(name) && isEventLinkUrl(url)) kept.push([name, url]);
  }
  return kept.length === 0 ? null : Object.fromEntries(kept);
}
