/** One DNS label: lowercase letters, digits and inner dashes, 63 characters at most. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const WILDCARD = '*';

/**
 * What is wrong with a host pattern of `outboundHosts` (`sns.*.amazonaws.com`), if anything: a
 * lowercase DNS name whose `*` labels each stand for exactly one label. The two last labels must
 * be names, so that no pattern reaches a whole top-level domain (`*.com`).
 */
export function outboundHostProblem(pattern: string): string | undefined {
  const labels = pattern.split('.');
  if (!labels.every((label) => label === WILDCARD || LABEL.test(label))) {
    return `"${pattern}" is not a lowercase host name, with * for one whole label`;
  }
  const wildcardAt = labels.lastIndexOf(WILDCARD);
  if (wildcardAt >= 0 && wildcardAt >= labels.length - 2) {
    return `"${pattern}" must end in two labels that are names, not *`;
  }
  return undefined;
}

/**
 * Whether `host` (a name as in a URL, any case, a final dot allowed) matches the pattern: as
 * many labels, each equal or matched by `*`. A valid pattern is assumed
 * ({@link outboundHostProblem}).
 */
export function outboundHostMatches(pattern: string, host: string): boolean {
  const hostLabels = host.toLowerCase().replace(/\.$/, '').split('.');
  const patternLabels = pattern.split('.');
  return (
    hostLabels.length === patternLabels.length &&
    patternLabels.every(
      (label, index) =>
        label === hostLabels[index] || (label === WILDCARD && hostLabels[index] !== ''),
    )
  );
}

/** An entry of an allowlist: a host pattern, with the port it may be reached on (443 if none). */
function hostAndPort(entry: string): { pattern: string; port: string } {
  const colon = entry.lastIndexOf(':');
  return colon < 0
    ? { pattern: entry, port: '443' }
    : { pattern: entry.slice(0, colon), port: entry.slice(colon + 1) };
}

/**
 * Whether `url` may be fetched under an allowlist: HTTPS, no credentials in it, and its host and
 * port matching an entry. A plugin's `outboundHosts` entries are patterns on port 443; an
 * operator's replacement list (tests, private mirrors) may add a port (`localhost:8443`).
 */
export function outboundUrlAllowed(url: string, allowlist: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') {
    return false;
  }
  const port = parsed.port === '' ? '443' : parsed.port;
  return allowlist.some((entry) => {
    const allowed = hostAndPort(entry);
    return allowed.port === port && outboundHostMatches(allowed.pattern, parsed.hostname);
  });
}
