import { join } from 'node:path';
import { describePluginContract } from '@alert-hub/plugin-sdk/testing';
import { VolcengineCloudmonitorPlugin } from './volcengine-cloudmonitor.plugin.js';

describePluginContract(
  new VolcengineCloudmonitorPlugin(),
  join(import.meta.dirname, '../fixtures'),
);
