import alertHubTrigger from '../../fixtures/alert-hub-trigger.json' with { type: 'json' };
import alertHubBatch from '../../fixtures/alert-hub-batch.json' with { type: 'json' };
import flashdutyFiring from '../../fixtures/flashduty-firing-constructed.json' with { type: 'json' };
import pagerDutyTrigger from '../../fixtures/pagerduty-trigger.json' with { type: 'json' };

/**
 * Example payloads for the API and the "send a test push" button, which sends the first: one of
 * each dialect, and a batch. Each is a fixture file, so its events are reviewed in an expected
 * file; the body schema shows them as examples too.
 */
export const STANDARD_SAMPLES = {
  alertHubTrigger,
  alertHubBatch,
  pagerDutyTrigger,
  flashdutyFiring,
} satisfies Record<string, unknown>;
