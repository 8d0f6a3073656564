import { join } from 'node:path';
import { describePluginContract } from '@alert-hub/plugin-sdk/testing';
import { UptimeKumaPlugin } from './uptime-kuma.plugin.js';

describePluginContract(new UptimeKumaPlugin(), join(import.meta.dirname, '../fixtures'));
