import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describeWithTool } from '../describe-with-tool.js';

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

/** `describe` when Chromium is installed; see {@link describeWithTool} for without. */
export function describeWithChromium(title: string, suite: () => void): void {
  const missing = chromiumFound()
    ? undefined
    : `${CHROMIUM_PATH} not found: apt-get install chromium (or set CHROMIUM_PATH)`;
  describeWithTool(title, missing, suite);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
