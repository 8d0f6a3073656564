import type { SeverityMap } from '@alert-hub/plugin-sdk';

/** VMP alert rules have levels P0 to P2, which it sends in `internal_label_alert_level`. */
export const VOLCENGINE_PROMETHEUS_SEVERITY_MAP: SeverityMap = {
  fields: ['labels.internal_label_alert_level'],
  values: { P0: 'Critical', P1: 'Warning', P2: 'Info' },
  default: 'Warning',
};
