import problem from '../../fixtures/constructed-problem-high.json' with { type: 'json' };
import recovery from '../../fixtures/constructed-recovery-high.json' with { type: 'json' };

/**
 * Example payloads for the API and the "send a test push" button, which sends the first: what
 * Alert Hub's media type posts. Each is a fixture file, so its events are reviewed.
 */
export const ZABBIX_SAMPLES: Record<string, unknown> = { problem, recovery };
