/**
 * What kind of value a setting holds. `secret` is text the admin API never shows back in full;
 * `timezone` is an IANA zone name (`Europe/Paris`), checked with `Intl`; `mapping` is an object in
 * the SDK's mapping language (`compileMapping`), which the core also serves, versioned, at
 * `/api/v1/integrations/{id}/mapping`: a plugin declares at most one.
 */
export type PluginSettingKind = 'string' | 'boolean' | 'number' | 'secret' | 'timezone' | 'mapping';

export const PLUGIN_SETTING_KINDS: readonly PluginSettingKind[] = [
  'string',
  'boolean',
  'number',
  'secret',
  'timezone',
  'mapping',
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
  /** The value an integration that leaves it out gets. Never for a secret or a mapping. */
  readonly default?: PluginSettingValue;
}

/** Text, a number or a flag; an object for a `mapping`. */
export type PluginSettingValue = string | number | boolean | Readonly<Record<string, unknown>>;

/** An integration's settings as a plugin sees them: valid against its schema, defaults applied. */
export type PluginSettingValues = Readonly<Record<string, PluginSettingValue>>;
