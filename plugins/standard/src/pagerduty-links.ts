import {
  LINK_NAME_PATTERN,
  childPath,
  firstNonBlank,
  isEventLinkUrl,
  readArray,
  readObject,
  readOptionalString,
  readString,
  type EventLinks,
  type JsonObject,
} from '@alert-hub/plugin-sdk';

/** `Link text` → `linkText`: Alert Hub names its links, PagerDuty captions them. */
function camelCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  return words
    .map((word, index) =>
      index === 0
        ? word.toLowerCase()
        : `${word.charAt(0).toUpperCase()}${word.slice(1).toLowerCase()}`,
    )
    .join('');
}

/**
 * PagerDuty's `client_url` (as `sourceUrl`, the alert in the sender's UI) and its `links`
 * (`[{href, text}]`), each named after its text, else `link1`, `link2`… by position. Only the
 * URLs the core keeps (absolute http or https) are read, so the event says what is stored;
 * undefined when none is left.
 */
export function readPagerDutyLinks(body: JsonObject): EventLinks | undefined {
  const links = new Map<string, string>();
  const clientUrl = readOptionalString(body.client_url, '$.client_url');
  if (isEventLinkUrl(clientUrl)) links.set('sourceUrl', clientUrl);
  if (body.links !== undefined && body.links !== null) {
    readArray(body.links, '$.links').forEach((item, index) => {
      const path = childPath('$.links', index);
      const link = readObject(item, path);
      const href = readString(link.href, childPath(path, 'href'));
      if (!isEventLinkUrl(href)) return;
      const text = firstNonBlank(readOptionalString(link.text, childPath(path, 'text'))) ?? '';
      const named = camelCase(text);
      const name = LINK_NAME_PATTERN.test(named) && !links.has(named) ? named : `link${index + 1}`;
      links.set(name, href);
    });
  }
  return links.size === 0 ? undefined : Object.fromEntries(links);
}
