import type { SeverityMap } from '@alert-hub/plugin-sdk';

/** Nightingale rules have levels 1 (critical) to 3 (info); the parser puts the level here. */
export const NIGHTINGALE_SEVERITY_MAP: SeverityMap = {
  fields: ['annotations.severity'],
  values: { '1': 'Critical', '2': 'Warning', '3': 'Info' },
  default: 'Warning',
};
