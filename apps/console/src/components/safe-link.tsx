/** Whether a URL from a payload may become a link: http(s) only, never `javascript:` and kin. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** A link to a URL a sender gave, or its text when it is not an http(s) URL. */
export function SafeLink({ url, children }: { url: string; children?: string }) {
  if (!isWebUrl(url)) return <code>{url}</code>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {children ?? url}
    </a>
  );
}
