/**
 * A mapping for the mapped webhook plugin that reads the benchmark's Alertmanager bodies as the
 * Prometheus plugin reads them (key, title, description, labels, link, status, severity), so the
 * two take the same pushes and store comparable events: the difference is the mapping's cost.
 */
export const ALERTMANAGER_BENCH_MAPPING = {
  items: '$.alerts',
  alertKey: '$.fingerprint',
  title: '{{ $.labels.alertname }}',
  description: '{{ $.annotations.description | $.annotations.message }}',
  labelsFrom: '$.labels',
  links: { generatorUrl: '{{ $.generatorURL }}', sourceUrl: '{{ $$.externalURL }}' },
  severity: {
    path: '$.labels.severity',
    values: { critical: 'Critical', warning: 'Warning', info: 'Info' },
    default: 'Warning',
  },
  status: { path: '$.status', values: { resolved: 'resolved' } },
};
