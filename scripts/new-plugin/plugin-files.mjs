// The files of a new plugin, by path inside plugins/<id>/. They follow the existing plugins and
// are formatted as Prettier would, so lint passes before the author changes a line.

const plugin = ({ id, pascal, title, constant }) => `import {
  IntegrationPluginProvider,
  type IntegrationPlugin,
  type PluginDocs,
} from '@alert-hub/plugin-sdk';
import { ${constant}_SAMPLES } from './docs/${id}.samples.js';
import { ${constant}_SETUP_GUIDE } from './docs/${id}.setup.js';
import { parse${pascal}Webhook } from './${id}.parser.js';
import { ${constant}_SEVERITY_MAP } from './${id}.severity-map.js';

@IntegrationPluginProvider()
export class ${pascal}Plugin implements IntegrationPlugin {
  readonly id = '${id}';
  readonly name = '${title}';
  readonly description = 'Webhook of ${title}';
  readonly severityMap = ${constant}_SEVERITY_MAP;
  readonly docs: PluginDocs = { setup: ${constant}_SETUP_GUIDE, samples: ${constant}_SAMPLES };
  readonly parse = parse${pascal}Webhook;
}
`;

const pluginModule = ({ id, pascal }) => `import { Module } from '@nestjs/common';
import { ${pascal}Plugin } from './${id}.plugin.js';

@Module({ providers: [${pascal}Plugin], exports: [${pascal}Plugin] })
export class ${pascal}PluginModule {}
`;

const parser = ({ pascal, title }) => `import {
  PayloadError,
  readObject,
  type ParseContext,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';

/**
 * Parses a ${title} webhook into one event per alert. Written by \`npm run new-plugin\`: replace
 * the body (docs/writing-a-plugin.md, section 3). Until then every push is refused, and the
 * contract test fails on the fixture.
 */
export function parse${pascal}Webhook(body: unknown, _context: ParseContext): ParsedEvent[] {
  readObject(body, '$');
  throw new PayloadError('The ${title} parser is not written yet', '$');
}
`;

const severityMap = ({
  title,
  constant,
}) => `import type { SeverityMap } from '@alert-hub/plugin-sdk';

/** Where ${title} states a severity, and its words: replace with the source's own. */
export const ${constant}_SEVERITY_MAP: SeverityMap = {
  fields: ['labels.severity'],
  values: { critical: 'Critical', warning: 'Warning', info: 'Info', resolved: 'Ok' },
  default: 'Warning',
};
`;

const setup = ({ title, constant }) => `/**
 * Setup guide for ${title}. Markdown; the core fills in \`{{pushUrl}}\` and \`{{severityTable}}\`.
 * Kept in TypeScript so the build needs no asset copying.
 */
export const ${constant}_SETUP_GUIDE = \`# ${title}

Alert Hub receives the alerts of ${title} through its webhook.

## 1. Create the webhook

In ${title}, add a webhook notification:

- **URL**: \\\`{{pushUrl}}\\\`
- **Method**: \\\`POST\\\`

## What Alert Hub reads

| Alert Hub | from the ${title} payload |
| --- | --- |
| alert key | |
| title | |

## Severity

{{severityTable}}
\`;
`;

const samples = ({
  constant,
}) => `import firing from '../../fixtures/firing.json' with { type: 'json' };

/**
 * Example payloads for the API and the "send a test push" button, which sends the first. Each is
 * a fixture file, so its events are reviewed in an expected file.
 */
export const ${constant}_SAMPLES: Record<string, unknown> = { firing };
`;

const contractSpec = ({ id, pascal }) => `import { join } from 'node:path';
import { describePluginContract } from '@alert-hub/plugin-sdk/testing';
import { ${pascal}Plugin } from './${id}.plugin.js';

describePluginContract(new ${pascal}Plugin(), join(import.meta.dirname, '../fixtures'));
`;

const index = ({ id }) => `export * from './${id}.module.js';
export * from './${id}.plugin.js';
`;

const fixture = ({ title }) =>
  `${JSON.stringify({ replaceWith: `a real firing payload captured from ${title}` }, null, 2)}\n`;

const readme = ({ id, pascal, title }) => `# ${title} plugin (\`${id}\`)

Receives the webhook (POST, JSON) of ${title} at \`POST /webhooks/${id}\`.

| file | what it holds |
| --- | --- |
| \`src/${id}.plugin.ts\` | \`${pascal}Plugin\`: id, name, severity map, docs, \`parse\` |
| \`src/${id}.module.ts\` | \`${pascal}PluginModule\`, the line \`apps/server/src/plugins.ts\` enables |
| \`src/${id}.parser.ts\` | how a payload becomes events |
| \`src/${id}.severity-map.ts\` | where the severity is read, and its words |
| \`src/docs/${id}.setup.ts\` | the setup guide |
| \`src/docs/${id}.samples.ts\` | the sample a "test push" sends: \`fixtures/firing.json\` itself |
| \`fixtures/\` | payloads and the events they must give |

## How a payload is read

- alert key:
- title:

## Fixtures

| fixture | shows |
| --- | --- |
| \`firing\` | |

\`UPDATE_FIXTURES=1 npm run test:unit -- --testPathPatterns plugins/${id}\` rewrites the expected
files; review every changed line before committing.
`;

/** Every file of the plugin `names` describes, by path inside its folder. */
export function pluginFiles(names) {
  const { id } = names;
  return {
    'README.md': readme(names),
    'fixtures/firing.json': fixture(names),
    // Not what any parser gives: the contract test fails until the author writes this file.
    'fixtures/firing.expected.json': '[]\n',
    'src/index.ts': index(names),
    [`src/${id}.module.ts`]: pluginModule(names),
    [`src/${id}.plugin.ts`]: plugin(names),
    [`src/${id}.plugin.spec.ts`]: contractSpec(names),
    [`src/${id}.parser.ts`]: parser(names),
    [`src/${id}.severity-map.ts`]: severityMap(names),
    [`src/docs/${id}.setup.ts`]: setup(names),
    [`src/docs/${id}.samples.ts`]: samples(names),
  };
}
