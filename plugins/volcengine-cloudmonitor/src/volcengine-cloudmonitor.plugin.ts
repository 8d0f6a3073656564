import {
  IntegrationPluginProvider,
  type IntegrationPlugin,
  type PluginDocs,
} from '@alert-hub/plugin-sdk';
import { VOLCENGINE_CLOUDMONITOR_SAMPLES } from './docs/volcengine-cloudmonitor.samples.js';
import { VOLCENGINE_CLOUDMONITOR_SETUP_GUIDE } from './docs/volcengine-cloudmonitor.setup.js';
import { parseVolcengineCloudmonitorWebhook } from './volcengine-cloudmonitor.parser.js';
import { VOLCENGINE_CLOUDMONITOR_SEVERITY_MAP } from './volcengine-cloudmonitor.severity-map.js';

@IntegrationPluginProvider()
export class VolcengineCloudmonitorPlugin implements IntegrationPlugin {
  readonly id = 'volcengine-cloudmonitor';
  readonly name = 'Volcengine Cloud Monitor';
  readonly description = 'Alarm callbacks of Volcengine Cloud Monitor (not managed Prometheus)';
  readonly severityMap = VOLCENGINE_CLOUDMONITOR_SEVERITY_MAP;
  readonly docs: PluginDocs = {
    setup: VOLCENGINE_CLOUDMONITOR_SETUP_GUIDE,
    samples: VOLCENGINE_CLOUDMONITOR_SAMPLES,
  };
  readonly parse = parseVolcengineCloudmonitorWebhook;
}
