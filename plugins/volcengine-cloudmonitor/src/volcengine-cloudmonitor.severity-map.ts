import { NEVER_RESOLVES, NEVER_RESOLVES_LABEL, type SeverityMap } from '@alert-hub/plugin-sdk';

/**
 * An `Event` callback never resolves, so it is informational whatever its `Level`; otherwise the
 * rule's `Level` decides.
 */
export const VOLCENGINE_CLOUDMONITOR_SEVERITY_MAP: SeverityMap = {
  fields: [`labels.${NEVER_RESOLVES_LABEL}`, 'labels.Level'],
  values: { [NEVER_RESOLVES]: 'Info', critical: 'Critical', warning: 'Warning', notice: 'Info' },
  default: 'Warning',
};
