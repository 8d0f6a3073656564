import down from '../../fixtures/constructed-down.json' with { type: 'json' };
import up from '../../fixtures/constructed-up.json' with { type: 'json' };

/**
 * Example payloads for the API and the "send a test push" button, which sends the first. Each is
 * a fixture file, so its events are reviewed in an expected file.
 */
export const UPTIME_KUMA_SAMPLES: Record<string, unknown> = { down, up };
