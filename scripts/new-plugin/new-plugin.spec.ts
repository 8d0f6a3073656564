import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(import.meta.dirname, 'new-plugin.mjs');

/** The files the scaffold reads and changes, copied so that the repository stays untouched. */
const COPIED = ['apps/server/src/plugins.ts', 'nest-cli.json', '.prettierrc.json'];

describe('npm run new-plugin', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'new-plugin-'));
    for (const file of COPIED) cpSync(join(ROOT, file), join(root, file));
    mkdirSync(join(root, 'plugins', 'prometheus'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const scaffold = (...args: string[]) =>
    spawnSync(process.execPath, [SCRIPT, ...args], { cwd: root, encoding: 'utf8' });
  const read = (file: string) => readFileSync(join(root, file), 'utf8');

  it('writes the plugin folder with its names, registers it and adds its Nest project', () => {
    const result = scaffold('acme-monitor');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('FAILS until you write the parser');

    const folder = 'plugins/acme-monitor';
    for (const file of [
      'README.md',
      'fixtures/firing.json',
      'fixtures/firing.expected.json',
      'src/index.ts',
      'src/acme-monitor.module.ts',
      'src/acme-monitor.plugin.ts',
      'src/acme-monitor.plugin.spec.ts',
      'src/acme-monitor.parser.ts',
      'src/acme-monitor.severity-map.ts',
      'src/docs/acme-monitor.setup.ts',
      'src/docs/acme-monitor.samples.ts',
    ]) {
      expect(existsSync(join(root, folder, file))).toBe(true);
    }
    expect(read(`${folder}/src/acme-monitor.plugin.ts`)).toContain(
      'export class AcmeMonitorPlugin implements IntegrationPlugin',
    );
    expect(read(`${folder}/src/acme-monitor.plugin.ts`)).toContain("readonly id = 'acme-monitor';");
    // People read the name and the guide: words, not a class name.
    expect(read(`${folder}/src/acme-monitor.plugin.ts`)).toContain(
      "readonly name = 'Acme Monitor';",
    );
    expect(read(`${folder}/src/docs/acme-monitor.setup.ts`)).toContain('# Acme Monitor');
    expect(read(`${folder}/src/docs/acme-monitor.samples.ts`)).toContain(
      "from '../../fixtures/firing.json' with { type: 'json' }",
    );

    const plugins = read('apps/server/src/plugins.ts');
    expect(plugins).toContain(
      "import { AcmeMonitorPluginModule } from '@alert-hub/plugin-acme-monitor';",
    );
    expect(plugins).toMatch(/ {2}AcmeMonitorPluginModule,\n\];/);
    const nestCli = JSON.parse(read('nest-cli.json'));
    expect(nestCli.projects['plugin-acme-monitor']).toEqual({
      type: 'library',
      root: 'plugins/acme-monitor',
      sourceRoot: 'plugins/acme-monitor/src',
      entryFile: 'index',
    });
    expect(Object.keys(nestCli.projects)).toContain('plugin-prometheus');
  });

  it.each([
    ['no id', []],
    ['an id that is not kebab-case', ['AcmeMonitor']],
    ['an id starting with a digit', ['1monitor']],
    ['the id of an existing plugin', ['prometheus']],
    ["the SDK's alias", ['sdk']],
  ])('refuses %s and changes nothing', (_case, args) => {
    const plugins = read('apps/server/src/plugins.ts');
    const nestCli = read('nest-cli.json');
    const result = scaffold(...args);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toBe('');
    expect(read('apps/server/src/plugins.ts')).toBe(plugins);
    expect(read('nest-cli.json')).toBe(nestCli);
    expect(existsSync(join(root, 'plugins', args[0] ?? '', 'src'))).toBe(false);
  });
});
