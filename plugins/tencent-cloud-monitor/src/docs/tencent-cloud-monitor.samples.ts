import resolved from '../../fixtures/captured-metric-resolved.json' with { type: 'json' };
import firing from '../../fixtures/captured-metric-firing.json' with { type: 'json' };
import event from '../../fixtures/doc-event-firing.json' with { type: 'json' };

/**
 * Example payloads for the API and the "send a test push" button, which sends the first. Each is
 * a fixture file, so its events are reviewed in an expected file: a captured metric alarm and its
 * recovery, and the docs' event alarm.
 */
export const TENCENT_CLOUD_MONITOR_SAMPLES: Record<string, unknown> = { firing, resolved, event };
