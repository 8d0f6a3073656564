import { ApiError } from '../common/api-error.js';

/** Sign-in refused for a while: the client guessed wrong too often (see SignInAttempts). */
export class TooManyAttemptsError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'TooManyAttempts',
      `too many failed sign-ins from this address; try again in ${retryAfterSeconds} s`,
      { retryAfterSeconds },
    );
  }

  override get headers(): Record<string, string> {
    return { 'retry-after': String(this.retryAfterSeconds) };
  }
}
