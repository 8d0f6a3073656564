import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseForm } from 'node:querystring';
import type { SubscriptionHandshake } from '../handshake/subscription-handshake.js';
import type { ParseContext } from '../integration-plugin.js';
import type { PluginSettingValues } from '../settings/plugin-setting.js';
import type { ExpectedEvent } from './expected-event.js';

/** The time every fixture is parsed at, so an event time that falls back to it is predictable. */
export const FIXTURE_RECEIVED_AT = '2026-01-01T00:00:00.000Z';

const EXPECTED_SUFFIX = '.expected.json';
const HANDSHAKE_SUFFIX = '.handshake.json';
const SETTINGS_SUFFIX = '.settings.json';
/** Files beside a fixture that say what it must give, or how the integration is configured. */
const COMPANION_SUFFIXES = [EXPECTED_SUFFIX, HANDSHAKE_SUFFIX, SETTINGS_SUFFIX];

/** How a fixture file's name says what its body is, and how the body is read. */
interface FixtureFormat {
  suffix: string;
  contentType: string;
  /** The body as sent, from the file's text. */
  bodyText(fileText: string): string;
  /** The body as the core hands it to `parse`. */
  parse(bodyText: string, file: string): unknown;
}

const FIXTURE_FORMATS: readonly FixtureFormat[] = [
  {
    suffix: '.json',
    contentType: 'application/json',
    bodyText: (fileText) => fileText,
    parse: parseJson,
  },
  {
    suffix: '.plain.txt',
    contentType: 'text/plain',
    // The body as sent: text the plugin reads itself (AWS SNS sends its JSON so by default).
    bodyText: (fileText) => fileText.replace(/\r?\n$/, ''),
    parse: (bodyText) => bodyText,
  },
  {
    suffix: '.form.txt',
    contentType: 'application/x-www-form-urlencoded',
    // Editors end a file with a line break; a form body would carry it into its last value.
    bodyText: (fileText) => fileText.replace(/\r?\n$/, ''),
    // The core's parser gives an object of strings, or of arrays for repeated fields; a plain
    // object, so that it compares equal to the same fields imported from JSON as a sample.
    parse: (bodyText) => Object.fromEntries(Object.entries(parseForm(bodyText))),
  },
];

/** One payload of a plugin's `fixtures/` folder and what it must give. */
export interface FixtureCase {
  /** The file name without its format's suffix: `alertmanager-firing`. */
  name: string;
  /** Path of `<name>.json`, `<name>.plain.txt` for a text body, `<name>.form.txt` for a form. */
  bodyFile: string;
  /** Path of `<name>.expected.json`, whether it exists or not. */
  expectedFile: string;
  /** Path of `<name>.handshake.json`, whether it exists or not. */
  handshakeFile: string;
  /** The media type the source sends this body as. */
  contentType: string;
  /** The body as sent over HTTP. */
  bodyText: string;
  /** The body as `parse` receives it. */
  body: unknown;
  /**
   * The integration settings the fixture is read with, from `<name>.settings.json`
   * (`{"settings": {…}, "why": "…"}`); `{}` without one. The plugin's defaults are not applied.
   */
  settings: Readonly<Record<string, unknown>>;
  /** Undefined when `<name>.expected.json` does not exist yet. */
  expected?: ExpectedEvent[];
  /** The handshake a confirmation fixture asks for, from `<name>.handshake.json`. */
  handshake?: SubscriptionHandshake;
}

/** A parse context for tests that keeps the notes the plugin wrote, in `notes`. */
export interface FixtureParseContext extends ParseContext {
  readonly notes: string[];
}

/**
 * A fresh parse context for fixtures: received at {@link FIXTURE_RECEIVED_AT}, no headers, the
 * given settings (as the core passes them: validated, defaults applied), and every note kept.
 */
export function fixtureParseContext(settings: PluginSettingValues = {}): FixtureParseContext {
  const notes: string[] = [];
  return {
    receivedAt: new Date(FIXTURE_RECEIVED_AT),
    headers: {},
    settings,
    notes,
    note: (message) => {
      notes.push(message);
    },
  };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${String(error)}`);
  }
}

/** A JSON file's content, with the file named when it is not JSON. */
export function readJsonFile(file: string): unknown {
  return parseJson(readFileSync(file, 'utf8'), file);
}

function formatOf(file: string): FixtureFormat | undefined {
  if (COMPANION_SUFFIXES.some((suffix) => file.endsWith(suffix))) return undefined;
  return FIXTURE_FORMATS.find((format) => file.endsWith(format.suffix));
}

/** A fixture file's body as `parse` receives it, read afresh. */
export function readFixtureBody(file: string): unknown {
  const format = formatOf(file);
  if (!format) {
    throw new Error(`${file} is no fixture: a fixture ends in .json, .plain.txt or .form.txt`);
  }
  return format.parse(format.bodyText(readFileSync(file, 'utf8')), file);
}

function readExpected(file: string): ExpectedEvent[] | undefined {
  if (!existsSync(file)) return undefined;
  const expected = readJsonFile(file);
  if (!Array.isArray(expected)) throw new Error(`${file} must hold a JSON array of events`);
  return expected as ExpectedEvent[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readHandshake(file: string): SubscriptionHandshake | undefined {
  if (!existsSync(file)) return undefined;
  const handshake = readJsonFile(file);
  const fields = ['confirmUrl', 'messageId', 'description'];
  if (!isObject(handshake) || !fields.every((field) => typeof handshake[field] === 'string')) {
    throw new Error(`${file} must hold {"confirmUrl", "messageId", "description"}, all strings`);
  }
  return handshake as unknown as SubscriptionHandshake;
}

/** A fixture's settings, which must say why it needs them: a reader of the folder will ask. */
function readSettings(file: string): Readonly<Record<string, unknown>> {
  if (!existsSync(file)) return {};
  const content = readJsonFile(file);
  if (
    !isObject(content) ||
    !isObject(content.settings) ||
    typeof content.why !== 'string' ||
    content.why.trim() === ''
  ) {
    throw new Error(`${file} must hold {"settings": {…}, "why": "<why this fixture needs them>"}`);
  }
  return content.settings;
}

/**
 * Every fixture of the folder with what it must give, sorted by name: `<case>.json` (a JSON
 * body), `<case>.plain.txt` (a text body) and `<case>.form.txt` (a form body, as sent:
 * `a=1&b=x%20y`), each with its
 * `<case>.expected.json` (the events) or `<case>.handshake.json` (a subscription to confirm),
 * and optionally `<case>.settings.json` (the integration's settings it is read with).
 */
export function loadFixtureCases(dir: string): FixtureCase[] {
  return readdirSync(dir)
    .sort()
    .flatMap((file) => {
      const format = formatOf(file);
      if (!format) return [];
      const name = file.slice(0, -format.suffix.length);
      const companion = (suffix: string) => join(dir, `${name}${suffix}`);
      const bodyFile = join(dir, file);
      const bodyText = format.bodyText(readFileSync(bodyFile, 'utf8'));
      const fixture: FixtureCase = {
        name,
        bodyFile,
        expectedFile: companion(EXPECTED_SUFFIX),
        handshakeFile: companion(HANDSHAKE_SUFFIX),
        contentType: format.contentType,
        bodyText,
        body: format.parse(bodyText, bodyFile),
        settings: readSettings(companion(SETTINGS_SUFFIX)),
        expected: readExpected(companion(EXPECTED_SUFFIX)),
      };
      const handshake = readHandshake(companion(HANDSHAKE_SUFFIX));
      return handshake === undefined ? fixture : { ...fixture, handshake };
    });
}

/**
 * Expected, handshake and settings files that have no fixture beside them: left over from a
 * renamed or deleted case.
 */
export function orphanExpectedFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => {
      const suffix = COMPANION_SUFFIXES.find((candidate) => file.endsWith(candidate));
      if (suffix === undefined) return false;
      const name = file.slice(0, -suffix.length);
      return !FIXTURE_FORMATS.some((format) => existsSync(join(dir, `${name}${format.suffix}`)));
    })
    .sort();
}
