import type { SeverityMap } from '@alert-hub/plugin-sdk';

/**
 * Grafana has no severity of its own: teams put one in a label of the alert rule, as with
 * Prometheus; these are the label names and words in common use.
 */
export const GRAFANA_SEVERITY_MAP: SeverityMap = {
  fields: ['labels.severity', 'labels.priority', 'labels.level'],
  values: {
    critical: 'Critical',
    high: 'Critical',
    warning: 'Warning',
    warn: 'Warning',
    medium: 'Warning',
    info: 'Info',
    low: 'Info',
    ok: 'Ok',
  },
  default: 'Warning',
};
