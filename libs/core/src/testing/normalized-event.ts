import type { NormalizedEvent } from '../events/normalized-event.js';

/** A firing Warning event for unit tests; give only what the test is about. */
export function normalizedEvent(overrides: Partial<NormalizedEvent> = {}): NormalizedEvent {
  const status = overrides.status ?? 'firing';
  const severity = overrides.severity ?? 'Warning';
  return {
    status,
    severity,
    eventStatus: status === 'resolved' ? 'Ok' : severity,
    sourceSeverity: severity.toLowerCase(),
    alertKey: 'key-1',
    title: 'Disk almost full',
    keepsAlertTitle: false,
    description: null,
    labels: { alertname: 'DiskFull', team: 'db' },
    annotations: {},
    links: null,
    startsAt: new Date('2026-11-01T10:00:00Z'),
    endsAt: null,
    eventTime: new Date('2026-11-01T10:00:05Z'),
    neverResolves: false,
    pipelineSteps: null,
    raw: {},
    ...overrides,
  };
}
