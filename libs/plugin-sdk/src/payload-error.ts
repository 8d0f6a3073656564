/**
 * Thrown by a parser for a body it cannot read. The core answers 400 `InvalidPayload` with the
 * message and the JSON path, so the sender can see what is wrong and where.
 */
export class PayloadError extends Error {
  constructor(
    message: string,
    /** Where in the body, as a JSON path such as `$.alerts[2].labels`. */
    readonly path: string = '$',
  ) {
    super(`${path}: ${message}`);
    this.name = 'PayloadError';
  }
}
