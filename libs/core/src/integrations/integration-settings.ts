import {
  validateSettings,
  type IntegrationPlugin,
  type PluginSettingValue,
  type PluginSettingValues,
} from '@alert-hub/plugin-sdk';
import { InvalidParameterError } from '../common/api-error.js';

/** How a secret setting is shown: only that it is set (a short secret's tail would give it away). */
export interface MaskedSecret {
  set: true;
}

export type SettingView = PluginSettingValue | MaskedSecret;

/** The integration's settings, valid for its plugin: refused with one sentence per bad setting. */
export function checkedSettings(
  plugin: IntegrationPlugin,
  input: Readonly<Record<string, unknown>>,
): PluginSettingValues {
  const result = validateSettings(plugin.settings ?? [], input);
  if (!result.valid) {
    throw new InvalidParameterError(`settings: ${result.problems.join('; ')}`, result.problems);
  }
  return result.values;
}

/**
 * The settings after a change: what the change leaves out stays as stored (a secret above all,
 * which the admin never gets back to send again), and `null` clears a setting.
 */
export function changedSettings(
  plugin: IntegrationPlugin,
  stored: PluginSettingValues,
  change: Readonly<Record<string, unknown>>,
): PluginSettingValues {
  return checkedSettings(plugin, { ...stored, ...change });
}

/** Secrets masked: the admin API never answers with one in full. */
export function settingsView(
  plugin: IntegrationPlugin | undefined,
  settings: PluginSettingValues,
): Record<string, SettingView> {
  const secrets = new Set(
    (plugin?.settings ?? []).filter((s) => s.kind === 'secret').map((s) => s.name),
  );
  const view: Record<string, SettingView> = {};
  for (const [name, value] of Object.entries(settings)) {
    // A plugin no longer enabled says nothing of its settings: every text is taken for a secret.
    const secret = plugin === undefined ? typeof value === 'string' : secrets.has(name);
    view[name] = secret ? { set: true } : value;
  }
  return view;
}
