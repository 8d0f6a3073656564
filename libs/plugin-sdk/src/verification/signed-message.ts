import type { X509Certificate } from 'node:crypto';
import { OutboundHostNotAllowed } from '../outbound/outbound-errors.js';
import type { SigningCertificates } from '../outbound/signing-certificates.js';
import { PayloadError } from '../payload-error.js';
import { readObject, type JsonObject } from '../payload/payload-reader.js';

/**
 * A signed JSON message read from the body's bytes as sent (a signature is over those values,
 * not over what the core made storable of them), or what is wrong with it as a sentence for the
 * push log.
 */
export function readSignedJsonMessage<Message>(
  rawBody: Buffer,
  read: (object: JsonObject) => Message,
): Message | string {
  try {
    return read(readObject(JSON.parse(rawBody.toString('utf8')), '$'));
  } catch (error) {
    if (error instanceof SyntaxError) return 'the body is not JSON';
    if (error instanceof PayloadError) return error.message;
    throw error;
  }
}

/**
 * The certificate a message names, or undefined when the core refuses its URL: a forger names a
 * certificate of their own, which is a failed verification. A host that cannot be reached (any
 * other error) is left to the core, which answers 502 so that the source sends the message again.
 */
export async function fetchNamedCertificate(
  certificates: SigningCertificates,
  url: string,
): Promise<X509Certificate | undefined> {
  try {
    return await certificates.fetch(url);
  } catch (error) {
    if (error instanceof OutboundHostNotAllowed) return undefined;
    throw error;
  }
}
