import type { SeverityMap } from '@alert-hub/plugin-sdk';

/**
 * An alarm that is over says so in `alarm_status`, and one without data is informational; else
 * the rule's level decides: Cloud Eye's four levels in English, in Chinese (as a console set to
 * Chinese sends them), or as the API's numbers 1–4.
 */
export const HUAWEI_CLOUDEYE_SEVERITY_MAP: SeverityMap = {
  fields: ['labels.alarm_status', 'labels.alarm_level'],
  values: {
    ok: 'Ok',
    ok_manual: 'Ok',
    invalid: 'Ok',
    insufficient_data: 'Info',
    Critical: 'Critical',
    Major: 'Warning',
    Minor: 'Warning',
    Informational: 'Info',
    紧急: 'Critical',
    重要: 'Warning',
    次要: 'Warning',
    提示: 'Info',
    '1': 'Critical',
    '2': 'Warning',
    '3': 'Warning',
    '4': 'Info',
  },
  default: 'Warning',
};
