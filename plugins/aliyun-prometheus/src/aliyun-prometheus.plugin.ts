import {
  IntegrationPluginProvider,
  type IntegrationPlugin,
  type PluginDocs,
} from '@alert-hub/plugin-sdk';
import { ALIYUN_PROMETHEUS_SAMPLES } from './docs/aliyun-prometheus.samples.js';
import { ALIYUN_PROMETHEUS_SETUP_GUIDE } from './docs/aliyun-prometheus.setup.js';
import { parseAliyunPrometheusWebhook } from './aliyun-prometheus.parser.js';
import { ALIYUN_PROMETHEUS_SEVERITY_MAP } from './aliyun-prometheus.severity-map.js';

@IntegrationPluginProvider()
export class AliyunPrometheusPlugin implements IntegrationPlugin {
  readonly id = 'aliyun-prometheus';
  readonly name = 'Alibaba Cloud Managed Prometheus';
  readonly description = 'Custom webhook of Alibaba Cloud Monitor / ARMS managed Prometheus';
  readonly severityMap = ALIYUN_PROMETHEUS_SEVERITY_MAP;
  readonly docs: PluginDocs = {
    setup: ALIYUN_PROMETHEUS_SETUP_GUIDE,
    samples: ALIYUN_PROMETHEUS_SAMPLES,
  };
  readonly parse = parseAliyunPrometheusWebhook;
}
