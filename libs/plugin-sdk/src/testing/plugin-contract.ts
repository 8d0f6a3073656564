import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { bodySchemaProblems } from '../body-schema/push-body-schema.js';
import type { IntegrationPlugin } from '../integration-plugin.js';
import { outboundHostProblem, outboundUrlAllowed } from '../outbound/outbound-host.js';
import type { PluginSettingValues } from '../settings/plugin-setting.js';
import { validateSettings } from '../settings/validate-settings.js';
import { severityMapProblems } from '../severity-map.js';
import { toExpectedEvents } from './expected-event.js';
import {
  fixtureParseContext,
  loadFixtureCases,
  orphanExpectedFiles,
  readFixtureBody,
  type FixtureCase,
} from './fixture-cases.js';

/** The core's registry holds ids to the same pattern. */
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Plugin authors regenerate expected files with this, then review every line of the diff. */
const UPDATING_FIXTURES = process.env.UPDATE_FIXTURES === '1';

/** The fixture's settings as the core would pass them: validated, the plugin's defaults applied. */
function settingsOf(plugin: IntegrationPlugin, fixture: FixtureCase): PluginSettingValues {
  const validation = validateSettings(plugin.settings ?? [], fixture.settings);
  if (!validation.valid) {
    throw new Error(`${fixture.name}.settings.json: ${validation.problems.join('; ')}`);
  }
  return validation.values;
}

function parseFixture(plugin: IntegrationPlugin, fixture: FixtureCase) {
  return plugin.parse(fixture.body, fixtureParseContext(settingsOf(plugin, fixture)));
}

function handshakeOf(plugin: IntegrationPlugin, fixture: FixtureCase) {
  return plugin.handshake?.(fixture.body, fixtureParseContext(settingsOf(plugin, fixture)));
}

/** The events of a fixture in the expected-file format, exactly as JSON would store them. */
function actualEvents(plugin: IntegrationPlugin, fixture: FixtureCase): unknown {
  return JSON.parse(JSON.stringify(toExpectedEvents(plugin, parseFixture(plugin, fixture))));
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** A fixture the source sends to have a subscription confirmed: no events, a URL to fetch. */
function describeHandshakeFixture(plugin: IntegrationPlugin, fixture: FixtureCase): void {
  it(`turns ${fixture.name} into the handshake of ${fixture.name}.handshake.json`, () => {
    const handshake = handshakeOf(plugin, fixture);
    if (UPDATING_FIXTURES) {
      writeJson(fixture.handshakeFile, handshake);
      return;
    }
    expect(handshake).toStrictEqual(fixture.handshake);
    expect(fixture.expected).toBeUndefined();
  });

  it(`confirms ${fixture.name} at a URL the core may fetch for this plugin`, () => {
    const confirmUrl = handshakeOf(plugin, fixture)?.confirmUrl ?? '';
    expect(outboundUrlAllowed(confirmUrl, plugin.outboundHosts ?? [])).toBe(true);
  });

  it(`reads the handshake of ${fixture.name} purely`, () => {
    expect(handshakeOf(plugin, fixture)).toStrictEqual(handshakeOf(plugin, fixture));
    expect(fixture.body).toStrictEqual(readFixtureBody(fixture.bodyFile));
  });
}

function describeEventFixture(plugin: IntegrationPlugin, fixture: FixtureCase): void {
  it(`turns ${fixture.name} into ${fixture.name}.expected.json`, () => {
    expect(handshakeOf(plugin, fixture)).toBeUndefined();
    const actual = actualEvents(plugin, fixture);
    if (UPDATING_FIXTURES) {
      writeJson(fixture.expectedFile, actual);
      return;
    }
    expect(fixture.expected).toBeDefined();
    expect(actual).toStrictEqual(fixture.expected);
  });

  it(`parses ${fixture.name} purely`, () => {
    const first = parseFixture(plugin, fixture);
    const second = parseFixture(plugin, fixture);
    expect(second).toStrictEqual(first);
    expect(fixture.body).toStrictEqual(readFixtureBody(fixture.bodyFile));
  });

  it(`gives every event of ${fixture.name} an alert key and a title`, () => {
    for (const event of parseFixture(plugin, fixture)) {
      expect(event.alertKey.trim()).not.toBe('');
      expect(event.title.trim()).not.toBe('');
    }
  });
}

/** Whether a fixture asks for a handshake: its file says so, or (while updating) the plugin does. */
function isHandshakeFixture(plugin: IntegrationPlugin, fixture: FixtureCase): boolean {
  if (fixture.handshake !== undefined) return true;
  return UPDATING_FIXTURES && handshakeOf(plugin, fixture) !== undefined;
}

/**
 * The checks every plugin passes: sound metadata and severity map, a setup guide, samples that
 * parse, and every `<case>.json` of `fixturesDir` turning into exactly `<case>.expected.json`, or
 * for a subscription confirmation into the handshake of `<case>.handshake.json` (read at
 * {@link FIXTURE_RECEIVED_AT} with no headers and the settings of `<case>.settings.json`). Run it
 * from the plugin's spec:
 * `describePluginContract(new MyPlugin(), join(import.meta.dirname, '../fixtures'))`.
 * With `UPDATE_FIXTURES=1` it writes the expected and handshake files instead of comparing them.
 */
export function describePluginContract(plugin: IntegrationPlugin, fixturesDir: string): void {
  const fixtures = loadFixtureCases(fixturesDir);

  describe(`plugin contract: ${plugin.id}`, () => {
    it('has a kebab-case id, a name and a description', () => {
      expect(plugin.id).toMatch(KEBAB_CASE);
      expect(plugin.name.trim()).not.toBe('');
      expect(plugin.description.trim()).not.toBe('');
    });

    it('has a sound severity map', () => {
      expect(severityMapProblems(plugin.severityMap)).toEqual([]);
    });

    if (plugin.bodySchema !== undefined) {
      it('has a body schema the OpenAPI document can show', () => {
        expect(bodySchemaProblems(plugin.bodySchema)).toEqual([]);
      });
    }

    it('has a setup guide showing the push URL and the severity table', () => {
      expect(plugin.docs.setup).toContain('{{pushUrl}}');
      expect(plugin.docs.setup).toContain('{{severityTable}}');
    });

    it('declares valid outbound hosts, and some when it has handshakes to confirm', () => {
      const hosts = plugin.outboundHosts ?? [];
      expect(hosts.map(outboundHostProblem).filter((problem) => problem !== undefined)).toEqual([]);
      if (plugin.handshake !== undefined) expect(hosts.length).toBeGreaterThan(0);
    });

    it('has at least one sample', () => {
      expect(Object.keys(plugin.docs.samples).length).toBeGreaterThan(0);
    });

    for (const [name, sample] of Object.entries(plugin.docs.samples)) {
      it(`has sample "${name}" that is a fixture and parses into at least one event`, () => {
        // A sample that is also a fixture has had its events reviewed in an expected file.
        const fixture = fixtures.find((candidate) => isDeepStrictEqual(candidate.body, sample));
        expect(fixture?.name).toBeDefined();
        if (fixture !== undefined) expect(parseFixture(plugin, fixture).length).toBeGreaterThan(0);
      });
    }

    it('has fixtures, each with an expected or handshake file, and no such file without a fixture', () => {
      expect(fixtures.length).toBeGreaterThan(0);
      if (!UPDATING_FIXTURES) {
        const unexpected = fixtures.filter((fixture) => !fixture.expected && !fixture.handshake);
        expect(unexpected.map(({ name }) => name)).toEqual([]);
      }
      expect(orphanExpectedFiles(fixturesDir)).toEqual([]);
    });

    for (const fixture of fixtures) {
      if (isHandshakeFixture(plugin, fixture)) describeHandshakeFixture(plugin, fixture);
      else describeEventFixture(plugin, fixture);
    }
  });
}
