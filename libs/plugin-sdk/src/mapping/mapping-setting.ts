import type { PluginSettingValues } from '../settings/plugin-setting.js';
import { compileMapping } from './compile-mapping.js';
import type { EventMapping } from './event-mapping.js';
import { MappingError } from './mapping-error.js';

/** Compiled once per stored value: an integration's settings are one object while it is cached. */
const compiledMappings = new WeakMap<object, EventMapping>();

/**
 * The mapping an integration's setting of kind `mapping` holds, compiled; undefined when it has
 * none. The core checked it when it was saved; one saved by an older version that this one no
 * longer accepts is a `MappingError`, so its pushes say why instead of failing later.
 */
export function readMappingSetting(
  settings: PluginSettingValues,
  name: string,
): EventMapping | undefined {
  const value = settings[name];
  if (typeof value !== 'object' || value === null) return undefined;
  const cached = compiledMappings.get(value);
  if (cached !== undefined) return cached;
  const compilation = compileMapping(value, name);
  if (!compilation.valid) {
    throw new MappingError(
      `the saved mapping is not valid: ${compilation.problems.join('; ')}`,
      '$',
      name,
    );
  }
  compiledMappings.set(value, compilation.mapping);
  return compilation.mapping;
}
