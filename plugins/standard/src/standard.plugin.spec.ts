import { join } from 'node:path';
import { describePluginContract } from '@alert-hub/plugin-sdk/testing';
import { StandardPlugin } from './standard.plugin.js';

describePluginContract(new StandardPlugin(), join(import.meta.dirname, '../fixtures'));
