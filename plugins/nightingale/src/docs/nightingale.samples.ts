import batch from '../../fixtures/batch-critical-and-recovered-int-flags.json' with { type: 'json' };
import firing from '../../fixtures/constructed-event-firing.json' with { type: 'json' };
import recovered from '../../fixtures/constructed-event-recovered.json' with { type: 'json' };

/**
 * Example payloads for the API and the "send a test push" button, which sends the first. Each is
 * a fixture file, so its events are reviewed in an expected file.
 */
export const NIGHTINGALE_SAMPLES: Record<string, unknown> = { firing, recovered, batch };
