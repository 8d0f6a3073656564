/** The text cut to at most `maxBytes` of UTF-8, on a character boundary, marked when cut. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const marker = '…';
  let cut = text.slice(0, maxBytes);
  while (Buffer.byteLength(cut + marker, 'utf8') > maxBytes) cut = cut.slice(0, -1);
  return cut + marker;
}
