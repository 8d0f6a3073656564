import { createHash } from 'node:crypto';

/** Lengths the core keeps of a pushed event; the raw JSON keeps the whole of it. */
export const EVENT_LIMITS = {
  title: 512,
  description: 2048,
  labelValue: 2048,
  annotationValue: 16_384,
  sourceSeverity: 255,
  alertKey: 255,
} as const;

/** Cuts a string to `max` UTF-16 units without leaving half of a surrogate pair behind. */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

export function truncateValues(
  values: Record<string, string>,
  max: number,
): Record<string, string> {
  if (Object.values(values).every((value) => value.length <= max)) return values;
  // fromEntries, not assignment: a label named `__proto__` must stay a label.
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, truncate(value, max)]),
  );
}

/** A key longer than the column is replaced by its hash: still stable, still unique. */
export function boundedAlertKey(alertKey: string): string {
  if (alertKey.length <= EVENT_LIMITS.alertKey) return alertKey;
  return `sha256:${createHash('sha256').update(alertKey, 'utf8').digest('hex')}`;
}
