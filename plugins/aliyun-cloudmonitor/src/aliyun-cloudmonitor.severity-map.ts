import { NEVER_RESOLVES, NEVER_RESOLVES_LABEL, type SeverityMap } from '@alert-hub/plugin-sdk';

/**
 * A system event never resolves, so it is informational whatever its own level (kept in label
 * `eventLevel`). A threshold alert's `alertState` says when it is over or has no data; otherwise
 * its `triggerLevel` decides.
 */
export const ALIYUN_CLOUDMONITOR_SEVERITY_MAP: SeverityMap = {
  fields: [`labels.${NEVER_RESOLVES_LABEL}`, 'labels.alertState', 'labels.triggerLevel'],
  values: {
    [NEVER_RESOLVES]: 'Info',
    OK: 'Ok',
    INSUFFICIENT_DATA: 'Info',
    CRITICAL: 'Critical',
    WARN: 'Warning',
    INFO: 'Info',
  },
  default: 'Warning',
};
