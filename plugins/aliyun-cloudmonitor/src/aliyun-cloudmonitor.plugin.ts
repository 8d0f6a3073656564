import {
  IntegrationPluginProvider,
  type IntegrationPlugin,
  type PluginDocs,
} from '@alert-hub/plugin-sdk';
import { ALIYUN_CLOUDMONITOR_SAMPLES } from './docs/aliyun-cloudmonitor.samples.js';
import { ALIYUN_CLOUDMONITOR_SETUP_GUIDE } from './docs/aliyun-cloudmonitor.setup.js';
import { parseAliyunCloudmonitorWebhook } from './aliyun-cloudmonitor.parser.js';
import { ALIYUN_CLOUDMONITOR_SEVERITY_MAP } from './aliyun-cloudmonitor.severity-map.js';

@IntegrationPluginProvider()
export class AliyunCloudmonitorPlugin implements IntegrationPlugin {
  readonly id = 'aliyun-cloudmonitor';
  readonly name = 'Alibaba Cloud CloudMonitor';
  readonly description =
    'Alarm callbacks of Alibaba Cloud CloudMonitor: threshold alerts and system events';
  readonly contentTypes = ['application/x-www-form-urlencoded', 'application/json'];
  readonly severityMap = ALIYUN_CLOUDMONITOR_SEVERITY_MAP;
  readonly docs: PluginDocs = {
    setup: ALIYUN_CLOUDMONITOR_SETUP_GUIDE,
    samples: ALIYUN_CLOUDMONITOR_SAMPLES,
  };
  readonly parse = parseAliyunCloudmonitorWebhook;
}
