import { RE2JS, RE2JSException } from 're2js';

/** Longest pattern a rule may carry; RE2 also refuses repeat counts above 1000. */
export const MAX_PATTERN_LENGTH = 1000;

/**
 * A user's pattern, compiled by RE2JS: matching takes time linear in the input whatever the
 * pattern, so a rule like `(a+)+$` cannot stall a push. It matches anywhere in the value.
 */
export type RouteRegex = Pick<RE2JS, 'test'>;

export function compileRouteRegex(pattern: string): RouteRegex {
  return RE2JS.compile(pattern);
}

/** Why the pattern cannot be used, or null when it can. */
export function routeRegexProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  }
  try {
    compileRouteRegex(pattern);
    return null;
  } catch (error) {
    if (error instanceof RE2JSException) return error.message;
    throw error;
  }
}
