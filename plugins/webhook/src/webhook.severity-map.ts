import type { SeverityMap } from '@alert-hub/plugin-sdk';

/**
 * Only for a mapping without a `severity` section: a label named `severity` holding one of these
 * words decides, as for Alertmanager. A mapping's own `severity` section always wins.
 */
export const WEBHOOK_SEVERITY_MAP: SeverityMap = {
  fields: ['labels.severity'],
  values: { critical: 'Critical', warning: 'Warning', info: 'Info', ok: 'Ok' },
  default: 'Warning',
};
