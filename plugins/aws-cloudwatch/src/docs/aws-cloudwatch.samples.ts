import alarm from '../../fixtures/sns-notification-alarm.json' with { type: 'json' };
import alarmWithArn from '../../fixtures/constructed-alarm-with-arn.json' with { type: 'json' };

/**
 * Example payloads for the API and the "send a test push" button, which sends the first (a test
 * push is not verified: the admin token vouches for it). Each is a fixture file.
 */
export const AWS_CLOUDWATCH_SAMPLES: Record<string, unknown> = { alarm, alarmWithArn };
