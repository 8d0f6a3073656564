import {
  IntegrationPluginProvider,
  type IntegrationPlugin,
  type PluginDocs,
} from '@alert-hub/plugin-sdk';
import { TENCENT_CLOUD_MONITOR_SAMPLES } from './docs/tencent-cloud-monitor.samples.js';
import { TENCENT_CLOUD_MONITOR_SETUP_GUIDE } from './docs/tencent-cloud-monitor.setup.js';
import { answerTencentCloudMonitorPush } from './tencent-cloud-monitor.answer.js';
import { parseTencentCloudMonitorWebhook } from './tencent-cloud-monitor.parser.js';
import { TENCENT_CLOUD_MONITOR_SETTINGS } from './tencent-cloud-monitor.settings.js';
import { TENCENT_CLOUD_MONITOR_SEVERITY_MAP } from './tencent-cloud-monitor.severity-map.js';

@IntegrationPluginProvider()
export class TencentCloudMonitorPlugin implements IntegrationPlugin {
  readonly id = 'tencent-cloud-monitor';
  readonly name = 'Tencent Cloud Monitor';
  readonly description =
    'Alarm callbacks of Tencent Cloud Observability Platform (Cloud Monitor): metric and event alarms';
  readonly settings = TENCENT_CLOUD_MONITOR_SETTINGS;
  readonly severityMap = TENCENT_CLOUD_MONITOR_SEVERITY_MAP;
  readonly docs: PluginDocs = {
    setup: TENCENT_CLOUD_MONITOR_SETUP_GUIDE,
    samples: TENCENT_CLOUD_MONITOR_SAMPLES,
  };
  readonly parse = parseTencentCloudMonitorWebhook;
  readonly answer = answerTencentCloudMonitorPush;
}
