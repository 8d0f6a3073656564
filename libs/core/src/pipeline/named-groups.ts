import { RE2JS } from 're2js';

/**
 * The named groups of the pattern's leftmost match in a value, as name-value pairs in the order
 * the pattern names them, leaving out groups that took no part in it; null when nothing matches.
 */
export type NamedGroupsOf = (value: string) => Array<[string, string]> | null;

/** A pattern with named groups (`(?P<host>[^.]+)`), compiled by RE2JS once. */
export function compileNamedGroups(pattern: string): NamedGroupsOf {
  const regex = RE2JS.compile(pattern);
  const groups = Object.entries(regex.namedGroups());
  // One submatch search per value: a Matcher's find() matches without the groups, and its first
  // group() then matches again to find them, which costs twice as much.
  const engine = regex.re2();
  return (value) => {
    const texts = engine.findSubmatch(value) as ReadonlyArray<string | null> | null;
    if (texts === null) return null;
    const found: Array<[string, string]> = [];
    for (const [name, index] of groups) {
      const text = texts[index];
      if (text !== null && text !== undefined) found.push([name, text]);
    }
    return found;
  };
}
