/**
 * What kind of value a setting holds. `secret` is text the admin API never shows back in full;
 * `timezone` is an IANA zone name (`Europe/Paris`), checked with `Intl`.
 */
export type PluginSettingKind = 'string' | 'boolean' | 'number' | 'secret' | 'timezone';

export const PLUGIN_SETTING_KINDS: readonly PluginSettingKind[] = [
  'string',
  'boolean',
  'number',
  'secret',
  'timezone',
];

/** One setting an integration of the plugin can be given, declared as data. */
export interface PluginSetting {
  /** camelCase; the key in the integration's `settings` object. */
  readonly name: string;
  readonly kind: PluginSettingKind;
  /** Markdown-free sentence for the admin: what the setting does and where its value comes from. */
  readonly description: string;
  /** An integration cannot be saved without it. */
  readonly required?: boolean;
  /** The value an integration that leaves it out gets. Never for a secret. */
  readonly default?: PluginSettingValue;
}

export type PluginSettingValue = string | number | boolean;

/** An integration's settings as a plugin sees them: valid against its schema, defaults applied. */
export type PluginSettingValues = Readonly<Record<string, PluginSettingValue>>;
