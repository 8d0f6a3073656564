import firing from '../../fixtures/metric-alarm-illustrative.json' with { type: 'json' };

/**
 * Example payloads for the API and the "send a test push" button, which sends the first. Each is
 * a fixture file, so its events are reviewed in an expected file. Illustrative: built from the
 * field names of Volcengine's own payload model, with invented values (see the README).
 */
export const VOLCENGINE_CLOUDMONITOR_SAMPLES: Record<string, unknown> = { firing };
