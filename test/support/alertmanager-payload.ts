/** Alertmanager webhook bodies (version 4) for tests: only what a test cares about is given. */
export interface TestAlert {
  status?: 'firing' | 'resolved';
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  fingerprint?: string;
}

export const ZERO_TIME = '0001-01-01T00:00:00Z';

export function alertmanagerAlert(alert: TestAlert = {}): Record<string, unknown> {
  const status = alert.status ?? 'firing';
  return {
    status,
    labels: alert.labels ?? { alertname: 'HighLatency', severity: 'warning', instance: 'api-1' },
    annotations: alert.annotations ?? { summary: 'API latency is high' },
    startsAt: alert.startsAt ?? '2026-11-01T10:00:00Z',
    endsAt: alert.endsAt ?? (status === 'resolved' ? '2026-11-01T10:05:00Z' : ZERO_TIME),
    generatorURL: 'http://prometheus.example:9090/graph',
    fingerprint: alert.fingerprint ?? 'a1b2c3d4e5f60718',
  };
}

export function alertmanagerPush(...alerts: TestAlert[]): Record<string, unknown> {
  const built = alerts.map(alertmanagerAlert);
  return {
    version: '4',
    groupKey: '{}:{alertname="HighLatency"}',
    truncatedAlerts: 0,
    status: built.some((alert) => alert.status === 'firing') ? 'firing' : 'resolved',
    receiver: 'alert-hub',
    groupLabels: { alertname: 'HighLatency' },
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example:9093',
    alerts: built,
  };
}
