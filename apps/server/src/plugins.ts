import type { Type } from '@nestjs/common';
import { AliyunPrometheusPluginModule } from '@alert-hub/plugin-aliyun-prometheus';
import { PrometheusPluginModule } from '@alert-hub/plugin-prometheus';
import { VolcenginePrometheusPluginModule } from '@alert-hub/plugin-volcengine-prometheus';
import { NightingalePluginModule } from '@alert-hub/plugin-nightingale';
import { UptimeKumaPluginModule } from '@alert-hub/plugin-uptime-kuma';
import { ZabbixPluginModule } from '@alert-hub/plugin-zabbix';

/** The one list of enabled sources: one line enables a plugin, removing it disables it. */
export const ENABLED_PLUGIN_MODULES: Type[] = [
  PrometheusPluginModule,
  AliyunPrometheusPluginModule,
  VolcenginePrometheusPluginModule,
  NightingalePluginModule,
  UptimeKumaPluginModule,
  ZabbixPluginModule,
];
