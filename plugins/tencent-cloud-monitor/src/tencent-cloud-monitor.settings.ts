import type { PluginSetting } from '@alert-hub/plugin-sdk';

export const TIMEZONE_SETTING = 'timezone';

/**
 * Tencent Cloud writes `firstOccurTime` and `recoverTime` without an offset. Its docs do not say
 * in which zone; its consoles in China show Beijing time, UTC+8, which Asia/Shanghai has kept all
 * year since 1991. An account whose console shows another zone sets it.
 */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

export const TENCENT_CLOUD_MONITOR_SETTINGS: readonly PluginSetting[] = [
  {
    name: TIMEZONE_SETTING,
    kind: 'timezone',
    default: DEFAULT_TIMEZONE,
    description:
      'Time zone of firstOccurTime and recoverTime: the zone the Tencent Cloud console shows times in',
  },
];
