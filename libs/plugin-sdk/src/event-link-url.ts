/** Longer link URLs are dropped by the core: no console shows them whole. */
export const MAX_LINK_URL_LENGTH = 2048;

/**
 * Whether a link's URL is one the core keeps: absolute `http` or `https`, at most
 * {@link MAX_LINK_URL_LENGTH} characters. A console renders links, so a `javascript:` URL from a
 * payload must never get there.
 */
export function isEventLinkUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_LINK_URL_LENGTH || !URL.canParse(value)) {
    return false;
  }
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}
