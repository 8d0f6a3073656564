import { PayloadError } from '../payload-error.js';

/**
 * The PayloadError an action throws, for asserting on its path and message: Jest's `toThrow`
 * compares messages only. Any other outcome fails the test.
 */
export function catchPayloadError(action: () => unknown): PayloadError {
  try {
    action();
  } catch (error) {
    if (error instanceof PayloadError) return error;
    throw error;
  }
  throw new Error('expected a PayloadError, but nothing was thrown');
}
