const QUOTED_VALUE_LIMIT = 60;

/** What a value is, in words, for error messages: `a string "abc"`, `an array`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `a string ${quote(value)}`;
    case 'number':
    case 'boolean':
      return `a ${typeof value} ${String(value)}`;
    case 'object':
      return 'an object';
    case 'undefined':
      return 'nothing';
    default:
      return typeof value;
  }
}

/**
 * A string as JSON, cut short: a message must stay readable when the value is a 10 KB label.
 */
export function quote(value: string): string {
  const shown =
    value.length > QUOTED_VALUE_LIMIT ? `${value.slice(0, QUOTED_VALUE_LIMIT)}…` : value;
  return JSON.stringify(shown);
}
