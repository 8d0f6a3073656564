/** Severity of an alert as Alert Hub shows it, from most to least urgent. */
export type Severity = 'Critical' | 'Warning' | 'Info';

/** Whether the source reports the problem as ongoing or over. */
export type EventStatus = 'firing' | 'resolved';

/** Flashduty's single word for an event: its severity while firing, `Ok` once resolved. */
export type EventSeverityStatus = Severity | 'Ok';

export const SEVERITIES: readonly Severity[] = ['Critical', 'Warning', 'Info'];

const SEVERITY_RANK: Record<Severity, number> = { Critical: 3, Warning: 2, Info: 1 };

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** The more urgent of two severities. */
export function higherSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}
