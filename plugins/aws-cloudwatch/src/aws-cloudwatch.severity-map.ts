import type { SeverityMap } from '@alert-hub/plugin-sdk';

/**
 * CloudWatch alarms have no severity, only a state: an alarm in ALARM is Critical (someone asked
 * to be told), INSUFFICIENT_DATA is Info (the alarm cannot tell; worth a look, not a page), OK
 * resolves. An integration can override this map, e.g. to make ALARM a Warning.
 */
export const AWS_CLOUDWATCH_SEVERITY_MAP: SeverityMap = {
  fields: ['labels.state'],
  values: { ALARM: 'Critical', INSUFFICIENT_DATA: 'Info', OK: 'Ok' },
  default: 'Warning',
};
