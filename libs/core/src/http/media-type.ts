/**
 * The body formats the core can parse: JSON, text (a string for the plugin) and form fields (an
 * object of strings). A plugin may declare only these; the admin API reads JSON alone.
 */
export const PARSABLE_MEDIA_TYPES: readonly string[] = [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
];

/** The media type of a `Content-Type` header, lowercase and without parameters (`; charset=…`). */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const mediaType = contentType.split(';', 1)[0]?.trim().toLowerCase();
  return mediaType === '' ? undefined : mediaType;
}

/** Whether a request carries a body: a length above zero, or one sent in chunks. */
export function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && length !== '0';
}
