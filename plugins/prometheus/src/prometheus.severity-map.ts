import type { SeverityMap } from '@alert-hub/plugin-sdk';

/**
 * Alertmanager has no severity of its own: teams put one in a label. These are the words in
 * common use; `ok` lets a rule report a recovery while still firing.
 */
export const PROMETHEUS_SEVERITY_MAP: SeverityMap = {
  fields: ['labels.severity', 'labels.priority', 'labels.level'],
  values: {
    critical: 'Critical',
    warning: 'Warning',
    warn: 'Warning',
    info: 'Info',
    acknowledged: 'Info',
    unknown: 'Info',
    unk: 'Info',
    ok: 'Ok',
  },
  default: 'Warning',
};
