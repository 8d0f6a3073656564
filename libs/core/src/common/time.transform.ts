/** A date, or a date and time with its zone: nothing a reader could take for another instant. */
const ISO_8601_TIME =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * For `@Transform`: `new Date()` reads nearly anything as some time (`' OR '1'='1` is 2001-01-01):
 * only ISO 8601 text becomes a Date; anything else stays text and fails `@IsDate`.
 */
export const timeFromText = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && ISO_8601_TIME.test(value) ? new Date(value) : value;
