/**
 * The bodies the benchmark pushes, as three strings the load generators fill in: a head, one
 * alert with `@ID@` where each alert gets its id, and a tail. One alert of a realistic
 * Alertmanager webhook is ~870 bytes: a 1-alert push is ~1.3 KB, a 20-alert push ~18 KB.
 */
export type PayloadFormat = 'webhook' | 'alertmanager-api';

export interface PayloadTemplate {
  head: string;
  alert: string;
  tail: string;
}

export const ID_PLACEHOLDER = '@ID@';

/** Same start for every alert of a run, so that a re-sent push is a repeat of the same alert. */
function alertOf(format: PayloadFormat, startsAt: string): Record<string, unknown> {
  const labels = {
    alertname: 'HighRequestLatency',
    severity: 'warning',
    instance: `api-${ID_PLACEHOLDER}.prod.example.internal:9100`,
    job: 'checkout-api',
    namespace: 'payments',
    pod: 'checkout-api-7d9f8b6c5d-x2kqp',
    service: 'checkout',
    cluster: 'prod-eu-west-1',
    team: 'payments-sre',
  };
  const annotations = {
    summary: 'p99 latency of checkout-api is above 500 ms',
    description:
      'The 99th percentile latency of checkout-api has been above 500 ms for 5 minutes on ' +
      'this instance. Requests are queueing; check the database connection pool and recent ' +
      'deployments before scaling out.',
    runbook_url: 'https://runbooks.example.internal/payments/checkout-api/high-latency',
  };
  const generatorURL =
    'http://prometheus.prod.example.internal:9090/graph?g0.expr=histogram_quantile%280.99%2C' +
    '+sum+by+%28le%2C+instance%29+%28rate%28http_request_duration_seconds_bucket%5B5m%5D%29%29%29';
  if (format === 'alertmanager-api') {
    return { labels, annotations, startsAt, generatorURL };
  }
  return {
    status: 'firing',
    labels,
    annotations,
    startsAt,
    endsAt: '0001-01-01T00:00:00Z',
    generatorURL,
    fingerprint: ID_PLACEHOLDER,
  };
}

export function payloadTemplate(format: PayloadFormat, startsAt: string): PayloadTemplate {
  const alert = JSON.stringify(alertOf(format, startsAt));
  if (format === 'alertmanager-api') return { head: '[', alert, tail: ']' };
  const envelope = JSON.stringify({
    version: '4',
    groupKey: '{}/{team="payments-sre"}:{alertname="HighRequestLatency"}',
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'alert-hub',
    groupLabels: { alertname: 'HighRequestLatency' },
    commonLabels: { alertname: 'HighRequestLatency', severity: 'warning', team: 'payments-sre' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.prod.example.internal:9093',
    alerts: [],
  });
  const [head, tail] = envelope.split('[]') as [string, string];
  return { head: `${head}[`, alert, tail: `]${tail}` };
}

/** One body, filled in: what the Lua script builds per request, for the other generators. */
export function payloadBody(template: PayloadTemplate, ids: string[]): string {
  return (
    template.head +
    ids.map((id) => template.alert.replaceAll(ID_PLACEHOLDER, id)).join(',') +
    template.tail
  );
}
