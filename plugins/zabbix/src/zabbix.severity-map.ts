import type { SeverityMap } from '@alert-hub/plugin-sdk';

/**
 * `{EVENT.NSEVERITY}`, which the parser puts in `annotations.severity`: 0 Not classified,
 * 1 Information, 2 Warning, 3 Average, 4 High, 5 Disaster. The numbers, not the names: Zabbix
 * lets an administrator rename the severities.
 */
export const ZABBIX_SEVERITY_MAP: SeverityMap = {
  fields: ['annotations.severity'],
  values: {
    '0': 'Info',
    '1': 'Info',
    '2': 'Warning',
    '3': 'Warning',
    '4': 'Critical',
    '5': 'Critical',
  },
  default: 'Warning',
};
