/**
 * The first value with any text in it, trimmed: `firstNonBlank(annotations.summary,
 * labels.alertname)`. Templates often leave a field empty or end it with a newline.
 */
export function firstNonBlank(...values: (string | undefined)[]): string | undefined {
  for (const value of values) {
    const trimmed = value?.trim();
    if (trimmed) return trimmed;
  }
  return undefined;
}
