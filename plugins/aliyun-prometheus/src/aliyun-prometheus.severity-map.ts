import type { SeverityMap } from '@alert-hub/plugin-sdk';

/**
 * ARMS writes the rule's level in `_aliyun_arms_alert_level`, in English, Chinese or as P1–P4
 * depending on the console version; rules written by hand often use `level` or `severity`.
 */
export const ALIYUN_PROMETHEUS_SEVERITY_MAP: SeverityMap = {
  fields: ['labels._aliyun_arms_alert_level', 'labels.level', 'labels.severity'],
  values: {
    critical: 'Critical',
    紧急: 'Critical',
    p1: 'Critical',
    error: 'Critical',
    错误: 'Critical',
    p2: 'Critical',
    warning: 'Warning',
    warn: 'Warning',
    警告: 'Warning',
    p3: 'Warning',
    normal: 'Info',
    info: 'Info',
    page: 'Info',
    普通: 'Info',
    p4: 'Info',
  },
  default: 'Warning',
};
