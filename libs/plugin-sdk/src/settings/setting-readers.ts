import type { PluginSettingValues } from './plugin-setting.js';

/**
 * A text setting's value. The core validated the settings against the plugin's schema, so a
 * value of another kind means the schema and the reader disagree: undefined, as if unset.
 */
export function settingText(settings: PluginSettingValues, name: string): string | undefined {
  const value = settings[name];
  return typeof value === 'string' ? value : undefined;
}

export function settingNumber(settings: PluginSettingValues, name: string): number | undefined {
  const value = settings[name];
  return typeof value === 'number' ? value : undefined;
}

export function settingFlag(settings: PluginSettingValues, name: string): boolean | undefined {
  const value = settings[name];
  return typeof value === 'boolean' ? value : undefined;
}
