import { expect } from '@jest/globals';
import fc from 'fast-check';
import type { Response } from 'supertest';
import type { TestApp } from '../test-app.js';

/**
 * Runs are reproducible: the seed is fixed unless FUZZ_SEED gives another, and a failure prints
 * the seed and path that replay it. FUZZ_SCALE multiplies the number of runs for a longer search.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);
const FUZZ_SCALE = Number(process.env.FUZZ_SCALE ?? 1);

/** Longer than any sane answer takes here, even for a 5 MiB body on a busy machine. */
export const REQUEST_TIMEOUT_MS = 30_000;

let casesRun = 0;

export function fuzzCasesRun(): number {
  return casesRun;
}

/** Checks `property` on `runs` generated cases (times FUZZ_SCALE), counting every case run. */
export async function fuzz<T>(
  arbitrary: fc.Arbitrary<T>,
  runs: number,
  property: (value: T) => Promise<void>,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      casesRun += 1;
      await property(value);
    }),
    { numRuns: Math.max(1, Math.round(runs * FUZZ_SCALE)), seed: FUZZ_SEED },
  );
}

/** A refusal as the API promises it: a 4xx with the request id and a coded error. */
export function expectApiError(response: Response): void {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.body).toEqual({
    request_id: response.headers['x-request-id'],
    error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
  });
}

/** The server still answers an ordinary admin request. */
export async function expectAlive(t: TestApp): Promise<void> {
  const response = await t.admin.get('/api/v1/plugins').timeout(REQUEST_TIMEOUT_MS);
  expect(response.status).toBe(200);
}
