import type { SeverityMap } from '@alert-hub/plugin-sdk';

/**
 * Uptime Kuma states no severity: a monitor that is down is critical, unless the user gives the
 * monitor a tag `severity` (which the parser turns into a label) with one of these words.
 */
export const UPTIME_KUMA_SEVERITY_MAP: SeverityMap = {
  fields: ['labels.severity'],
  values: { critical: 'Critical', warning: 'Warning', info: 'Info' },
  default: 'Critical',
};
