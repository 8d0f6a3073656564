import { join } from 'node:path';
import { describePluginContract } from '@alert-hub/plugin-sdk/testing';
import { GrafanaPlugin } from './grafana.plugin.js';

describePluginContract(new GrafanaPlugin(), join(import.meta.dirname, '../fixtures'));
