import {
  IntegrationPluginProvider,
  type IntegrationPlugin,
  type PluginDocs,
} from '@alert-hub/plugin-sdk';
import { NIGHTINGALE_SAMPLES } from './docs/nightingale.samples.js';
import { NIGHTINGALE_SETUP_GUIDE } from './docs/nightingale.setup.js';
import { parseNightingaleWebhook } from './nightingale.parser.js';
import { NIGHTINGALE_SEVERITY_MAP } from './nightingale.severity-map.js';

@IntegrationPluginProvider()
export class NightingalePlugin implements IntegrationPlugin {
  readonly id = 'nightingale';
  readonly name = 'Nightingale';
  readonly description =
    'Alert events of Nightingale (n9e): webhooks, rule callbacks, v8 callback channels';
  readonly severityMap = NIGHTINGALE_SEVERITY_MAP;
  readonly docs: PluginDocs = { setup: NIGHTINGALE_SETUP_GUIDE, samples: NIGHTINGALE_SAMPLES };
  readonly parse = parseNightingaleWebhook;
}
