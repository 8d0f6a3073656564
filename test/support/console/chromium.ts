import { describe, it } from '@jest/globals';
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`): Playwright downloads no browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Quiet and self-contained: no sandbox (CI runs as root), no GPU, no calls home. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

function chromiumFound(): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * `describe` when Chromium is installed. Without it the suite is skipped with a warning that says
 * how to get it, except in CI, which installs it: there its absence fails the run.
 */
export function describeWithChromium(title: string, suite: () => void): void {
  if (chromiumFound()) {
    describe(title, suite);
    return;
  }
  const message = `${CHROMIUM_PATH} not found: apt-get install chromium (or set CHROMIUM_PATH)`;
  if (process.env.CI) {
    describe(title, () => {
      it('has Chromium', () => {
        throw new Error(message);
      });
    });
    return;
  }
  console.warn(`Skipping "${title}": ${message}`);
  describe.skip(title, () => {
    it('needs Chromium', () => undefined);
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
