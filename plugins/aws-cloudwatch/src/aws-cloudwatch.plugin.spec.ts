import { join } from 'node:path';
import { describePluginContract } from '@alert-hub/plugin-sdk/testing';
import { AwsCloudwatchPlugin } from './aws-cloudwatch.plugin.js';

describePluginContract(new AwsCloudwatchPlugin(), join(import.meta.dirname, '../fixtures'));
