import { describe, it } from '@jest/globals';

/**
 * `describe` when a tool the suite drives is installed (`missing` undefined). Without it: in CI,
 * which installs every such tool, a failing test says what is missing; elsewhere the suite is
 * skipped on purpose, with a warning saying how to get the tool, so that a developer without it
 * still gets a run of everything else and is told what it left out.
 */
export function describeWithTool(
  title: string,
  missing: string | undefined,
  suite: () => void,
): void {
  if (missing === undefined) {
    describe(title, suite);
    return;
  }
  if (process.env.CI) {
    describe(title, () => {
      it('has the tools it drives', () => {
        throw new Error(missing);
      });
    });
    return;
  }
  console.warn(`Skipping "${title}": ${missing}`);
  describe.skip(title, () => {
    it('needs the tools it drives', () => undefined);
  });
}
