import { join } from 'node:path';
import { describePluginContract } from '@alert-hub/plugin-sdk/testing';
import { AliyunCloudmonitorPlugin } from './aliyun-cloudmonitor.plugin.js';

describePluginContract(new AliyunCloudmonitorPlugin(), join(import.meta.dirname, '../fixtures'));
