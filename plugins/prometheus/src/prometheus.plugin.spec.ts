import { join } from 'node:path';
import { describePluginContract } from '@alert-hub/plugin-sdk/testing';
import { PrometheusPlugin } from './prometheus.plugin.js';

describePluginContract(new PrometheusPlugin(), join(import.meta.dirname, '../fixtures'));
