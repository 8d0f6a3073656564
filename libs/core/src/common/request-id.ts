import { randomUUID } from 'node:crypto';

/** Header that carries the request id on every response. */
export const REQUEST_ID_HEADER = 'x-request-id';

export function newRequestId(): string {
  return randomUUID();
}
