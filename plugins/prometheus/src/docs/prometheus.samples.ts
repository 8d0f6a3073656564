/**
 * Example payloads for the API and the "send a test push" button, which sends the first. Each is
 * also a fixture (the contract test checks), so its events are reviewed in an expected file.
 */
export const PROMETHEUS_SAMPLES: Record<string, unknown> = {
  firing: {
    receiver: 'hook',
    status: 'firing',
    alerts: [
      {
        status: 'firing',
        labels: {
          alertname: 'DiskFull',
          instance: 'db-1',
          service: 'checkout',
          severity: 'critical',
        },
        annotations: {
          description: 'Root FS at 97%',
          runbook_url: 'https://runbooks.example/disk',
          summary: 'Disk almost full on db-1',
        },
        startsAt: '2026-11-22T10:34:05Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://127.0.0.1:19090/graph?g0.expr=disk',
        fingerprint: '992a4da9facf5870',
      },
    ],
    groupLabels: {
      alertname: 'DiskFull',
    },
    commonLabels: {
      alertname: 'DiskFull',
      instance: 'db-1',
      service: 'checkout',
      severity: 'critical',
    },
    commonAnnotations: {
      description: 'Root FS at 97%',
      runbook_url: 'https://runbooks.example/disk',
      summary: 'Disk almost full on db-1',
    },
    externalURL: 'http://vm:19093',
    version: '4',
    groupKey: '{}:{alertname="DiskFull"}',
    truncatedAlerts: 0,
  },
};
