import { join } from 'node:path';
import { describePluginContract } from '@alert-hub/plugin-sdk/testing';
import { VolcenginePrometheusPlugin } from './volcengine-prometheus.plugin.js';

describePluginContract(new VolcenginePrometheusPlugin(), join(import.meta.dirname, '../fixtures'));
