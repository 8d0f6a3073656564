import { readStringMap, type JsonObject } from '@alert-hub/plugin-sdk';

/**
 * The named fields of an object as text. Tencent Cloud sends some numbers as strings and others
 * as numbers (`alarmNotifyPeriod` is `"0"` in one callback and `300` in the next), so both are
 * read; absent, `null` and blank fields are left out.
 */
export function readTextFields(
  object: JsonObject,
  path: string,
  names: readonly string[],
): Record<string, string> {
  const present = names.filter((name) => Object.hasOwn(object, name));
  const texts = readStringMap(
    Object.fromEntries(present.map((name) => [name, object[name]])),
    path,
  );
  return Object.fromEntries(Object.entries(texts).filter(([, text]) => text.trim() !== ''));
}
