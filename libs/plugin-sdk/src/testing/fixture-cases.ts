import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseContext } from '../integration-plugin.js';
import type { ExpectedEvent } from './expected-event.js';

/** The time every fixture is parsed at, so an event time that falls back to it is predictable. */
export const FIXTURE_RECEIVED_AT = '2026-01-01T00:00:00.000Z';

const EXPECTED_SUFFIX = '.expected.json';

/** One payload of a plugin's `fixtures/` folder and the events it must give. */
export interface FixtureCase {
  /** The file name without `.json`: `alertmanager-firing`. */
  name: string;
  /** Path of `<name>.json`. */
  bodyFile: string;
  /** Path of `<name>.expected.json`, whether it exists or not. */
  expectedFile: string;
  body: unknown;
  /** Undefined when `<name>.expected.json` does not exist yet. */
  expected?: ExpectedEvent[];
}

/** A fresh parse context for fixtures: received at {@link FIXTURE_RECEIVED_AT}, no headers. */
export function fixtureParseContext(): ParseContext {
  return { receivedAt: new Date(FIXTURE_RECEIVED_AT), headers: {}, settings: {} };
}

/** A JSON file's content, with the file named when it is not JSON. */
export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${String(error)}`);
  }
}

function readExpected(file: string): ExpectedEvent[] | undefined {
  if (!existsSync(file)) return undefined;
  const expected = readJsonFile(file);
  if (!Array.isArray(expected)) throw new Error(`${file} must hold a JSON array of events`);
  return expected as ExpectedEvent[];
}

/** Every `<case>.json` of the folder with its expected events, sorted by name. */
export function loadFixtureCases(dir: string): FixtureCase[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json') && !file.endsWith(EXPECTED_SUFFIX))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.json'.length);
      const expectedFile = join(dir, `${name}${EXPECTED_SUFFIX}`);
      const bodyFile = join(dir, file);
      return {
        name,
        bodyFile,
        expectedFile,
        body: readJsonFile(bodyFile),
        expected: readExpected(expectedFile),
      };
    });
}

/** Expected files that have no fixture beside them: left over from a renamed or deleted case. */
export function orphanExpectedFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(EXPECTED_SUFFIX))
    .filter((file) => !existsSync(join(dir, `${file.slice(0, -EXPECTED_SUFFIX.length)}.json`)))
    .sort();
}
