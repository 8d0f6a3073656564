import type { SeverityMap } from '@alert-hub/plugin-sdk';

/** The label the parser puts a graded policy's level in. */
export const ALARM_LEVEL_LABEL = 'alarmLevel';

/**
 * A graded policy's level, read from `alertId` by the parser. A policy without levels says
 * nothing of severity: its alarm is a threshold someone chose to be told about, so Warning.
 */
export const TENCENT_CLOUD_MONITOR_SEVERITY_MAP: SeverityMap = {
  fields: [`labels.${ALARM_LEVEL_LABEL}`],
  values: { Serious: 'Critical', Warn: 'Warning', Remind: 'Info' },
  default: 'Warning',
};
