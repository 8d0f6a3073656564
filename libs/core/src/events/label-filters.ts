import { InvalidParameterError } from '../common/api-error.js';

const LABEL_PREFIX = 'label.';
// Printable names only: no quotes or backslashes, which a JSON path would have to escape.
const LABEL_NAME = /^[^"\\\p{Cc}]{1,255}$/u;

/**
 * Splits a query string into its `label.<name>=value` filters and everything else. Label names
 * become bound parameters, never SQL, but are still limited to what a JSON path can quote.
 */
export function splitLabelFilters(query: Record<string, unknown>): {
  rest: Record<string, unknown>;
  labels: Record<string, string>;
} {
  const rest: Record<string, unknown> = {};
  const labels = new Map<string, string>();
  for (const [name, value] of Object.entries(query)) {
    if (!name.startsWith(LABEL_PREFIX)) {
      rest[name] = value;
      continue;
    }
    const label = name.slice(LABEL_PREFIX.length);
    if (!LABEL_NAME.test(label) || typeof value !== 'string') {
      throw new InvalidParameterError(`${name}: give one value for a label name without quotes`, [
        `${name} must be a single label filter`,
      ]);
    }
    labels.set(label, value);
  }
  // fromEntries, not assignment: `label.__proto__=x` must filter on a label named `__proto__`.
  return { rest, labels: Object.fromEntries(labels) };
}
