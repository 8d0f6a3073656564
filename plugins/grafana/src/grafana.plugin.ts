import {
  IntegrationPluginProvider,
  type IntegrationPlugin,
  type PluginDocs,
} from '@alert-hub/plugin-sdk';
import { GRAFANA_SAMPLES } from './docs/grafana.samples.js';
import { GRAFANA_SETUP_GUIDE } from './docs/grafana.setup.js';
import { parseGrafanaWebhook } from './grafana.parser.js';
import { GRAFANA_SETTINGS } from './grafana.settings.js';
import { GRAFANA_SEVERITY_MAP } from './grafana.severity-map.js';
import { verifyGrafanaSignature } from './grafana.verify.js';

@IntegrationPluginProvider()
export class GrafanaPlugin implements IntegrationPlugin {
  readonly id = 'grafana';
  readonly name = 'Grafana';
  readonly description = 'Grafana Alerting webhook contact point, optionally HMAC-signed';
  readonly severityMap = GRAFANA_SEVERITY_MAP;
  readonly docs: PluginDocs = { setup: GRAFANA_SETUP_GUIDE, samples: GRAFANA_SAMPLES };
  readonly settings = GRAFANA_SETTINGS;
  readonly verify = verifyGrafanaSignature;
  readonly parse = parseGrafanaWebhook;
}
