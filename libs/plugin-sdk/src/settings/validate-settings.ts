import { compileMapping } from '../mapping/compile-mapping.js';
import { isTimeZoneName } from '../payload/time-zone-name.js';
import type { PluginSetting, PluginSettingValue, PluginSettingValues } from './plugin-setting.js';

export type SettingsValidation =
  { valid: true; values: PluginSettingValues } | { valid: false; problems: string[] };

type CheckedValue = { value: PluginSettingValue } | { problems: string[] };

function checked(valid: boolean, value: PluginSettingValue, problem: string): CheckedValue {
  return valid ? { value } : { problems: [problem] };
}

/** The value as the setting's kind, or sentences naming the setting and what it must be. */
function checkValue(setting: PluginSetting, value: unknown): CheckedValue {
  const { name, kind } = setting;
  switch (kind) {
    case 'boolean':
      return checked(typeof value === 'boolean', value as boolean, `${name} must be true or false`);
    case 'number':
      return checked(
        typeof value === 'number' && Number.isFinite(value),
        value as number,
        `${name} must be a number`,
      );
    case 'timezone':
      return checked(
        typeof value === 'string' && isTimeZoneName(value),
        value as string,
        `${name} must be an IANA time zone such as Europe/Paris`,
      );
    case 'string':
    case 'secret':
      return checked(
        typeof value === 'string' && value !== '',
        value as string,
        `${name} must be a non-empty string`,
      );
    case 'mapping': {
      const compilation = compileMapping(value, name);
      return compilation.valid
        ? { value: value as Readonly<Record<string, unknown>> }
        : { problems: compilation.problems };
    }
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
    const result = checkValue(setting, given);
    if ('problems' in result) problems.push(...result.problems);
    else values[setting.name] = result.value;
  }
  return problems.length > 0 ? { valid: false, problems } : { valid: true, values };
}
