import { AxeBuilder } from '@axe-core/playwright';
import { expect } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { TEST_DATABASE } from '../test-database.js';

/** Where each run leaves its screenshots (CI keeps them as artifacts; `.ci/run` prints it). */
export const SCREENSHOTS_DIR = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'test-results',
  'console',
  TEST_DATABASE,
);

/** Violations a person using a screen reader or a keyboard would be stopped by. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Checks the page as it is now with axe (no serious or critical violation) and saves a
 * screenshot of it as `<name>.png`.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
    .map((violation) => ({
      page: name,
      rule: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
  expect(blocking).toEqual([]);
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}
