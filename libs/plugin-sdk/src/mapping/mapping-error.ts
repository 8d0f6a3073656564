/**
 * A push the integration's mapping cannot read: a path it needs is missing or holds the wrong
 * kind of value, or the integration has no mapping. The core answers `422 MappingFailed` with
 * the message, `path` and `field`, and keeps the reason in the push log; a body that is not JSON
 * at all stays a `400`.
 */
export class MappingError extends Error {
  constructor(
    /** What is wrong, in words; the message adds where. */
    readonly reason: string,
    /** Where in the body, as a JSON path such as `$.alerts[2].fingerprint`. */
    readonly path: string,
    /** Which part of the mapping needed it, such as `mapping.alertKey[0]`. */
    readonly field: string,
  ) {
    super(`${path}: ${reason} (${field})`);
    this.name = 'MappingError';
  }
}
