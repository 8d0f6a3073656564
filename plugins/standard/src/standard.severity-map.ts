import type { SeverityMap } from '@alert-hub/plugin-sdk';

/**
 * Alert Hub's three levels and the words scripts and other products use for them. What would
 * page someone is Critical: PagerDuty's `error` (high urgency there, like `critical`) and the
 * priorities `p1` and `p2`; `p3` is Warning and `p4` Info. Flashduty's `event_status` words are
 * the levels themselves.
 */
export const STANDARD_SEVERITY_MAP: SeverityMap = {
  fields: ['labels.severity'],
  values: {
    critical: 'Critical',
    fatal: 'Critical',
    error: 'Critical',
    high: 'Critical',
    p1: 'Critical',
    p2: 'Critical',
    warning: 'Warning',
    warn: 'Warning',
    medium: 'Warning',
    p3: 'Warning',
    info: 'Info',
    informational: 'Info',
    low: 'Info',
    p4: 'Info',
  },
  default: 'Warning',
};
