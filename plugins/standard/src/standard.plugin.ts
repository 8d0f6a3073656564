import {
  IntegrationPluginProvider,
  type IntegrationPlugin,
  type PluginDocs,
} from '@alert-hub/plugin-sdk';
import { STANDARD_SAMPLES } from './docs/standard.samples.js';
import { STANDARD_SETUP_GUIDE } from './docs/standard.setup.js';
import { answerStandardPush } from './standard.answer.js';
import { STANDARD_BODY_SCHEMA } from './standard.body-schema.js';
import { parseStandardWebhook } from './standard.parser.js';
import { STANDARD_SEVERITY_MAP } from './standard.severity-map.js';

/**
 * Alert Hub's own event API, for scripts and anything without a plugin, which also reads the
 * events PagerDuty and Flashduty senders already send.
 */
@IntegrationPluginProvider()
export class StandardPlugin implements IntegrationPlugin {
  readonly id = 'standard';
  readonly name = 'Standard events (Alert Hub, PagerDuty Events v2, Flashduty)';
  readonly description =
    "Alert Hub's own event API for scripts and in-house tools, also reading PagerDuty Events API v2 and Flashduty standard alert events";
  readonly severityMap = STANDARD_SEVERITY_MAP;
  readonly docs: PluginDocs = { setup: STANDARD_SETUP_GUIDE, samples: STANDARD_SAMPLES };
  readonly bodySchema = STANDARD_BODY_SCHEMA;
  readonly parse = parseStandardWebhook;
  readonly answer = answerStandardPush;
}
