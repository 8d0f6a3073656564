import {
  IntegrationPluginProvider,
  type IntegrationPlugin,
  type PluginDocs,
} from '@alert-hub/plugin-sdk';
import { WEBHOOK_SAMPLES } from './docs/webhook.samples.js';
import { WEBHOOK_SETUP_GUIDE } from './docs/webhook.setup.js';
import { parseMappedWebhook } from './webhook.parser.js';
import { WEBHOOK_SETTINGS } from './webhook.settings.js';
import { WEBHOOK_SEVERITY_MAP } from './webhook.severity-map.js';

@IntegrationPluginProvider()
export class WebhookPlugin implements IntegrationPlugin {
  readonly id = 'webhook';
  readonly name = 'Generic webhook (mapped)';
  readonly description =
    'Any JSON webhook, read through a mapping set on the integration: no code, no plugin release';
  readonly severityMap = WEBHOOK_SEVERITY_MAP;
  readonly settings = WEBHOOK_SETTINGS;
  readonly docs: PluginDocs = { setup: WEBHOOK_SETUP_GUIDE, samples: WEBHOOK_SAMPLES };
  readonly parse = parseMappedWebhook;
}
