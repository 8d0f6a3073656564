// `npm run new-plugin -- <id>`: writes plugins/<id>/ with the names the layout asks for, a
// fixture that fails until the parser is written, and registers the plugin. Plain JavaScript so
// that it runs on a fresh clone with nothing built.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import * as prettier from 'prettier';
import { pluginFiles } from './plugin-files.mjs';

/** The pattern the core's registry holds plugin ids to, starting with a letter for class names. */
const PLUGIN_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const PLUGINS_FILE = 'apps/server/src/plugins.ts';
const NEST_CLI_FILE = 'nest-cli.json';

class ScaffoldError extends Error {}

function namesOf(id) {
  const words = id.split('-').map((word) => word[0].toUpperCase() + word.slice(1));
  return {
    id,
    pascal: words.join(''),
    // What people read (the plugin's name, its guide): `Acme Monitor`, not `AcmeMonitor`.
    title: words.join(' '),
    constant: id.toUpperCase().replaceAll('-', '_'),
  };
}

function checkId(root, id) {
  if (!id) throw new ScaffoldError('Usage: npm run new-plugin -- <id>   (e.g. uptime-kuma)');
  if (!PLUGIN_ID.test(id)) {
    throw new ScaffoldError(
      `"${id}" is not a plugin id: lowercase words of letters and digits joined by "-", ` +
        'starting with a letter (e.g. uptime-kuma).',
    );
  }
  // `@alert-hub/plugin-sdk` is the SDK's alias: a plugin of id "sdk" would shadow it.
  if (id === 'sdk' || existsSync(join(root, 'plugins', id))) {
    throw new ScaffoldError(`The id "${id}" is taken: plugins/${id} or @alert-hub/plugin-${id}.`);
  }
}

/** `apps/server/src/plugins.ts` with the plugin's import and its line in the list. */
function registered(source, names) {
  const moduleName = `${names.pascal}PluginModule`;
  const lines = source.split('\n');
  const lastImport = lines.findLastIndex((line) => line.startsWith('import '));
  const listEnd = lines.findIndex((line) => line === '];');
  if (lastImport < 0 || listEnd < lastImport) {
    throw new ScaffoldError(
      `${PLUGINS_FILE} no longer has its imports and list: register by hand.`,
    );
  }
  lines.splice(listEnd, 0, `  ${moduleName},`);
  lines.splice(lastImport + 1, 0, `import { ${moduleName} } from '@alert-hub/plugin-${names.id}';`);
  return lines.join('\n');
}

/** `nest-cli.json` with the plugin's project after the last one, the rest left as written. */
function withNestProject(source, names) {
  const project = [
    `    "plugin-${names.id}": {`,
    '      "type": "library",',
    `      "root": "plugins/${names.id}",`,
    `      "sourceRoot": "plugins/${names.id}/src",`,
    '      "entryFile": "index"',
    '    }',
  ].join('\n');
  const end = /\n {4}}\n {2}}\n}\s*$/;
  if (!end.test(source)) {
    throw new ScaffoldError(`${NEST_CLI_FILE} does not end with its projects: add by hand.`);
  }
  const updated = source.replace(end, `\n    },\n${project}\n  }\n}\n`);
  JSON.parse(updated);
  return updated;
}

/** Formatted as `npm run lint` wants it, whatever the templates' own spacing. */
async function formatted(file, content) {
  const options = await prettier.resolveConfig(file);
  return prettier.format(content, { ...options, filepath: file });
}

async function scaffold(root, id) {
  checkId(root, id);
  const names = namesOf(id);
  const pluginsFile = join(root, PLUGINS_FILE);
  const nestCliFile = join(root, NEST_CLI_FILE);
  const registration = registered(readFileSync(pluginsFile, 'utf8'), names);
  const nestCli = withNestProject(readFileSync(nestCliFile, 'utf8'), names);
  const files = pluginFiles(names);
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, 'plugins', id, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await formatted(file, content));
  }
  writeFileSync(pluginsFile, registration);
  writeFileSync(nestCliFile, nestCli);
  return [
    ...Object.keys(files).map((path) => `plugins/${id}/${path}`),
    PLUGINS_FILE,
    NEST_CLI_FILE,
  ];
}

try {
  const id = process.argv[2];
  const written = await scaffold(process.cwd(), id);
  process.stdout.write(`Wrote and registered the plugin "${id}":\n`);
  process.stdout.write(written.map((file) => `  ${file}\n`).join(''));
  process.stdout.write(`
Its contract test FAILS until you write the parser and replace the fixture:
  npm run test:unit -- --testPathPatterns plugins/${id}
Next: docs/writing-a-plugin.md from section 2 (the parser, the severity map, the docs, the
fixtures), then section 8 (Check).
`);
} catch (error) {
  if (!(error instanceof ScaffoldError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
