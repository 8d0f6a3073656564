import firing from '../../fixtures/firing.json' with { type: 'json' };
import resolved from '../../fixtures/resolved-constructed.json' with { type: 'json' };

/**
 * Example payloads for the API and the "send a test push" button, which sends the first. Each is
 * a fixture file, so its events are reviewed in an expected file.
 */
export const GRAFANA_SAMPLES: Record<string, unknown> = { firing, resolved };
