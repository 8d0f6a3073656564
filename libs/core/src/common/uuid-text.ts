/**
 * Marks bytes as a UUID of `version` (RFC 9562): the version in byte 6's high nibble, the
 * variant in byte 8's two high bits. Works in place on the first ten bytes or more.
 */
export function stampUuid(bytes: Buffer, version: number): Buffer {
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | (version << 4);
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return bytes;
}

/** Sixteen bytes in a UUID's text form. */
export function uuidText(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
