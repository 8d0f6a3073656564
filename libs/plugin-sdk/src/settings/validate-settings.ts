import type { PluginSetting, PluginSettingValue, PluginSettingValues } from './plugin-setting.js';

export type SettingsValidation =
  { valid: true; values: PluginSettingValues } | { valid: false; problems: string[] };

function isTimezone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

type CheckedValue = { value: PluginSettingValue } | { problem: string };

/** The value as the setting's kind, or a sentence naming the setting and what it must be. */
function checkValue(setting: PluginSetting, value: unknown): CheckedValue {
  const { name, kind } = setting;
  switch (kind) {
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { problem: `${name} must be true or false` };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? { value }
        : { problem: `${name} must be a number` };
    case 'timezone':
      return typeof value === 'string' && isTimezone(value)
        ? { value }
        : { problem: `${name} must be an IANA time zone such as Europe/Paris` };
    case 'string':
    case 'secret':
      return typeof value === 'string' && value !== ''
        ? { value }
        : { problem: `${name} must be a non-empty string` };
  }
}

/**
 * Checks an integration's settings against the plugin's schema and applies its defaults. Pure.
 * `null` clears a setting. Every problem names its setting, so the admin API can answer with them.
 */
export function validateSettings(
  schema: readonly PluginSetting[],
  input: Readonly<Record<string, unknown>>,
): SettingsValidation {
  const problems: string[] = [];
  const values: Record<string, PluginSettingValue> = {};
  const known = new Set(schema.map((setting) => setting.name));
  for (const name of Object.keys(input)) {
    if (!known.has(name)) {
      const names = schema.map((setting) => setting.name).join(', ') || 'none';
      problems.push(`${name} is not a setting of this plugin (settings: ${names})`);
    }
  }
  for (const setting of schema) {
    const given = input[setting.name];
    if (given === undefined || given === null) {
      if (setting.default !== undefined) values[setting.name] = setting.default;
      else if (setting.required === true) problems.push(`${setting.name} is required`);
      continue;
    }
    const checked = checkValue(setting, given);
    if ('problem' in checked) problems.push(checked.problem);
    else values[setting.name] = checked.value;
  }
  return problems.length > 0 ? { valid: false, problems } : { valid: true, values };
}
