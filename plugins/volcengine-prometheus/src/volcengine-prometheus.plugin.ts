import {
  IntegrationPluginProvider,
  type IntegrationPlugin,
  type PluginDocs,
} from '@alert-hub/plugin-sdk';
import { VOLCENGINE_PROMETHEUS_SAMPLES } from './docs/volcengine-prometheus.samples.js';
import { VOLCENGINE_PROMETHEUS_SETUP_GUIDE } from './docs/volcengine-prometheus.setup.js';
import { parseVolcenginePrometheusWebhook } from './volcengine-prometheus.parser.js';
import { VOLCENGINE_PROMETHEUS_SEVERITY_MAP } from './volcengine-prometheus.severity-map.js';

@IntegrationPluginProvider()
export class VolcenginePrometheusPlugin implements IntegrationPlugin {
  readonly id = 'volcengine-prometheus';
  readonly name = 'Volcengine Managed Prometheus';
  readonly description = 'Generic webhook of Volcengine managed Prometheus (VMP) alerting';
  readonly severityMap = VOLCENGINE_PROMETHEUS_SEVERITY_MAP;
  readonly docs: PluginDocs = {
    setup: VOLCENGINE_PROMETHEUS_SETUP_GUIDE,
    samples: VOLCENGINE_PROMETHEUS_SAMPLES,
  };
  readonly parse = parseVolcenginePrometheusWebhook;
}
