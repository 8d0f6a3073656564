import firing from '../../fixtures/metric-firing-as-json-constructed.json' with { type: 'json' };

/**
 * Example payloads for the API and the "send a test push" button, which sends the first. Each is
 * a fixture file, so its events are reviewed in an expected file. `firing` holds the fields of the
 * real form-encoded capture `metric-firing.form.txt`, which is what `parse` receives from it.
 */
export const ALIYUN_CLOUDMONITOR_SAMPLES: Record<string, unknown> = { firing };
