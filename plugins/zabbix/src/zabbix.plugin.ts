import {
  IntegrationPluginProvider,
  type IntegrationPlugin,
  type PluginDocs,
} from '@alert-hub/plugin-sdk';
import { ZABBIX_SAMPLES } from './docs/zabbix.samples.js';
import { ZABBIX_SETUP_GUIDE } from './docs/zabbix.setup.js';
import { parseZabbixWebhook } from './zabbix.parser.js';
import { ZABBIX_SEVERITY_MAP } from './zabbix.severity-map.js';

@IntegrationPluginProvider()
export class ZabbixPlugin implements IntegrationPlugin {
  readonly id = 'zabbix';
  readonly name = 'Zabbix';
  readonly description = 'Zabbix problems and recoveries, sent by the Alert Hub webhook media type';
  readonly severityMap = ZABBIX_SEVERITY_MAP;
  readonly docs: PluginDocs = { setup: ZABBIX_SETUP_GUIDE, samples: ZABBIX_SAMPLES };
  readonly parse = parseZabbixWebhook;
}
