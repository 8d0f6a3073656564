import {
  IntegrationPluginProvider,
  type IntegrationPlugin,
  type PluginDocs,
} from '@alert-hub/plugin-sdk';
import { UPTIME_KUMA_SAMPLES } from './docs/uptime-kuma.samples.js';
import { UPTIME_KUMA_SETUP_GUIDE } from './docs/uptime-kuma.setup.js';
import { parseUptimeKumaWebhook } from './uptime-kuma.parser.js';
import { UPTIME_KUMA_SEVERITY_MAP } from './uptime-kuma.severity-map.js';

@IntegrationPluginProvider()
export class UptimeKumaPlugin implements IntegrationPlugin {
  readonly id = 'uptime-kuma';
  readonly name = 'Uptime Kuma';
  readonly description = 'Webhook notifications of Uptime Kuma monitors going down and up';
  readonly severityMap = UPTIME_KUMA_SEVERITY_MAP;
  readonly docs: PluginDocs = { setup: UPTIME_KUMA_SETUP_GUIDE, samples: UPTIME_KUMA_SAMPLES };
  readonly parse = parseUptimeKumaWebhook;
}
