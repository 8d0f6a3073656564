/**
 * An error the API answers with a stable machine-readable `code`. Thrown anywhere in the core and
 * turned into `{request_id, error: {code, message}}` by the one exception filter.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** Headers the answer carries besides the body (a `Retry-After`, say). */
  get headers(): Record<string, string> {
    return {};
  }
}

export class NotFoundError extends ApiError {
  constructor(what: string, id: string) {
    super(404, 'NotFound', `${what} ${id} does not exist`);
  }
}

export class ConflictError extends ApiError {
  constructor(code: string, message: string) {
    super(409, code, message);
  }
}

export class InvalidParameterError extends ApiError {
  constructor(message: string, details?: unknown) {
    super(400, 'InvalidParameter', message, details);
  }
}

export class UnauthorizedError extends ApiError {
  constructor(message = 'a valid key is required') {
    super(401, 'Unauthorized', message);
  }
}

/** The database cannot be reached or written: a sender should retry (Alertmanager retries every 5xx). */
export class UnavailableError extends ApiError {
  constructor(message = 'storage is unavailable, retry later') {
    super(503, 'Unavailable', message);
  }
}
