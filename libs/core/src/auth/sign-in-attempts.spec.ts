import { describe, expect, it } from '@jest/globals';
import {
  FAILED_SIGN_INS_PER_WINDOW,
  SIGN_IN_WINDOW_MS,
  SignInAttempts,
} from './sign-in-attempts.js';
import { TooManyAttemptsError } from './too-many-attempts.error.js';

const START = 1_000_000;

function failed(attempts: SignInAttempts, address: string, times: number, now = START): void {
  for (let i = 0; i < times; i += 1) attempts.recordFailure(address, now);
}

describe('SignInAttempts', () => {
  it('allows the failures of a window, then refuses until the window ends, saying when', () => {
    const attempts = new SignInAttempts();
    failed(attempts, '10.0.0.1', FAILED_SIGN_INS_PER_WINDOW - 1);
    expect(() => attempts.assertAllowed('10.0.0.1', START)).not.toThrow();
    failed(attempts, '10.0.0.1', 1);

    let refusal: unknown;
    try {
      attempts.assertAllowed('10.0.0.1', START + 15_000);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(TooManyAttemptsError);
    expect(refusal).toMatchObject({ status: 429, code: 'TooManyAttempts' });
    expect((refusal as TooManyAttemptsError).headers).toEqual({ 'retry-after': '45' });

    expect(() => attempts.assertAllowed('10.0.0.1', START + SIGN_IN_WINDOW_MS)).not.toThrow();
  });

  it('counts each address apart', () => {
    const attempts = new SignInAttempts();
    failed(attempts, '10.0.0.1', FAILED_SIGN_INS_PER_WINDOW);
    expect(() => attempts.assertAllowed('10.0.0.1', START)).toThrow(TooManyAttemptsError);
    expect(() => attempts.assertAllowed('10.0.0.2', START)).not.toThrow();
  });

  it('forgets the failures of an address once it signs in', () => {
    const attempts = new SignInAttempts();
    failed(attempts, '10.0.0.1', FAILED_SIGN_INS_PER_WINDOW - 1);
    attempts.recordSuccess('10.0.0.1');
    failed(attempts, '10.0.0.1', FAILED_SIGN_INS_PER_WINDOW - 1);
    expect(() => attempts.assertAllowed('10.0.0.1', START)).not.toThrow();
  });
});
