import { join } from 'node:path';
import { describePluginContract } from '@alert-hub/plugin-sdk/testing';
import { HuaweiCloudeyePlugin } from './huawei-cloudeye.plugin.js';

describePluginContract(new HuaweiCloudeyePlugin(), join(import.meta.dirname, '../fixtures'));
