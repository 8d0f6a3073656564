import { join } from 'node:path';
import { describePluginContract } from '@alert-hub/plugin-sdk/testing';
import { TencentCloudMonitorPlugin } from './tencent-cloud-monitor.plugin.js';

describePluginContract(new TencentCloudMonitorPlugin(), join(import.meta.dirname, '../fixtures'));
