import { join } from 'node:path';
import { describePluginContract } from '@alert-hub/plugin-sdk/testing';
import { WebhookPlugin } from './webhook.plugin.js';

describePluginContract(new WebhookPlugin(), join(import.meta.dirname, '../fixtures'));
