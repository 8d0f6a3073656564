const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The JSON path of a child: `$.alerts[2].labels.severity`. Keys that are not identifiers are
 * quoted (`$.labels["team-name"]`) so the path a sender sees in an error is never ambiguous.
 */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}
