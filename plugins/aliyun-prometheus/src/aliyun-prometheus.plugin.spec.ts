import { join } from 'node:path';
import { describePluginContract } from '@alert-hub/plugin-sdk/testing';
import { AliyunPrometheusPlugin } from './aliyun-prometheus.plugin.js';

describePluginContract(new AliyunPrometheusPlugin(), join(import.meta.dirname, '../fixtures'));
