import firing from '../../fixtures/notification-alarm-sa-brazil-1.json' with { type: 'json' };
import resolved from '../../fixtures/notification-ok-sa-brazil-1.json' with { type: 'json' };

/**
 * Example payloads for the API and the "send a test push" button, which sends the first (and
 * does not verify it). Real SMN notifications of Huawei Cloud sa-brazil-1; each is a fixture.
 */
export const HUAWEI_CLOUDEYE_SAMPLES: Record<string, unknown> = { firing, resolved };
