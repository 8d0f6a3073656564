/**
 * The JSON Schema of a plugin's push body, as the OpenAPI document shows it: an OpenAPI 3.0
 * Schema Object (JSON Schema's common subset: `type` is one word, `oneOf` for alternatives, no
 * `const`), plain data.
 */
export type PushBodySchema = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON paths of every `$ref` in a value: a plugin's schema has no components to refer to. */
function referencesIn(value: unknown, path: string): string[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => referencesIn(item, `${path}[${index}]`));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === '$ref' ? [path] : referencesIn(item, `${path}.${key}`),
  );
}

/** Everything wrong with a body schema, as sentences; empty when the document can show it. */
export function bodySchemaProblems(schema: unknown): string[] {
  if (!isObject(schema)) return ['the body schema must be an object (an OpenAPI Schema Object)'];
  return referencesIn(schema, '$').map(
    (path) => `the body schema refers elsewhere at ${path}: it must be self-contained (no $ref)`,
  );
}
