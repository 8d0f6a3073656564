import {
  IntegrationPluginProvider,
  type IntegrationPlugin,
  type PluginDocs,
} from '@alert-hub/plugin-sdk';
import { PROMETHEUS_SAMPLES } from './docs/prometheus.samples.js';
import { PROMETHEUS_SETUP_GUIDE } from './docs/prometheus.setup.js';
import { parsePrometheusWebhook } from './prometheus.parser.js';
import { PROMETHEUS_SEVERITY_MAP } from './prometheus.severity-map.js';

@IntegrationPluginProvider()
export class PrometheusPlugin implements IntegrationPlugin {
  readonly id = 'prometheus';
  readonly name = 'Prometheus Alertmanager';
  readonly description = 'Webhook notifications of Prometheus Alertmanager 0.16 and later';
  readonly severityMap = PROMETHEUS_SEVERITY_MAP;
  readonly docs: PluginDocs = { setup: PROMETHEUS_SETUP_GUIDE, samples: PROMETHEUS_SAMPLES };
  readonly parse = parsePrometheusWebhook;
}
