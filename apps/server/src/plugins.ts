import type { Type } from '@nestjs/common';
import { AliyunPrometheusPluginModule } from '@alert-hub/plugin-aliyun-prometheus';
import { PrometheusPluginModule } from '@alert-hub/plugin-prometheus';
import { VolcenginePrometheusPluginModule } from '@alert-hub/plugin-volcengine-prometheus';
import { AliyunCloudmonitorPluginModule } from '@alert-hub/plugin-aliyun-cloudmonitor';
import { VolcengineCloudmonitorPluginModule } from '@alert-hub/plugin-volcengine-cloudmonitor';
import { GrafanaPluginModule } from '@alert-hub/plugin-grafana';
import { NightingalePluginModule } from '@alert-hub/plugin-nightingale';
import { UptimeKumaPluginModule } from '@alert-hub/plugin-uptime-kuma';
import { ZabbixPluginModule } from '@alert-hub/plugin-zabbix';
import { AwsCloudwatchPluginModule } from '@alert-hub/plugin-aws-cloudwatch';
import { HuaweiCloudeyePluginModule } from '@alert-hub/plugin-huawei-cloudeye';
import { TencentCloudMonitorPluginModule } from '@alert-hub/plugin-tencent-cloud-monitor';
import { StandardPluginModule } from '@alert-hub/plugin-standard';
import { WebhookPluginModule } from '@alert-hub/plugin-webhook';

/** The one list of enabled sources: one line enables a plugin, removing it disables it. */
export const ENABLED_PLUGIN_MODULES: Type[] = [
  PrometheusPluginModule,
  AliyunPrometheusPluginModule,
  VolcenginePrometheusPluginModule,
  AliyunCloudmonitorPluginModule,
  VolcengineCloudmonitorPluginModule,
  GrafanaPluginModule,
  NightingalePluginModule,
  UptimeKumaPluginModule,
  ZabbixPluginModule,
  AwsCloudwatchPluginModule,
  HuaweiCloudeyePluginModule,
  TencentCloudMonitorPluginModule,
  StandardPluginModule,
  WebhookPluginModule,
];
