import { ApiError } from '../common/api-error.js';

/** The status, code and message the API answers the error `run` rejects with. */
export async function apiAnswerTo(run: Promise<unknown>): Promise<[number, string, string]> {
  try {
    await run;
  } catch (error) {
    if (error instanceof ApiError) return [error.status, error.code, error.message];
    throw error;
  }
  throw new Error('nothing was thrown');
}
