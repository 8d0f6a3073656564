import { join } from 'node:path';
import { describePluginContract } from '@alert-hub/plugin-sdk/testing';
import { ZabbixPlugin } from './zabbix.plugin.js';

describePluginContract(new ZabbixPlugin(), join(import.meta.dirname, '../fixtures'));
