import { join } from 'node:path';
import { describePluginContract } from '@alert-hub/plugin-sdk/testing';
import { NightingalePlugin } from './nightingale.plugin.js';

describePluginContract(new NightingalePlugin(), join(import.meta.dirname, '../fixtures'));
