import firing from '../../fixtures/vmp-firing-p0.json' with { type: 'json' };

/**
 * Example payloads for the API and the "send a test push" button, which sends the first. Each is
 * a fixture file, so its events are reviewed in an expected file.
 */
export const VOLCENGINE_PROMETHEUS_SAMPLES: Record<string, unknown> = { firing };
