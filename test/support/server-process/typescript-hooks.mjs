// Module hooks that let a plain `node` process run the TypeScript sources as the tests do:
// the path aliases of tsconfig.json, `.js` imports that name `.ts` files, and SWC to strip the
// types while keeping the decorator metadata Nest's dependency injection reads.
import { transformSync } from '@swc/core';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { URL, fileURLToPath } from 'node:url';

const root = new URL('../../../', import.meta.url);

const ALIASES = new Map([
  ['@alert-hub/plugin-sdk', 'libs/plugin-sdk/src/index.ts'],
  ['@alert-hub/plugin-sdk/testing', 'libs/plugin-sdk/src/testing/index.ts'],
  ['@alert-hub/core', 'libs/core/src/index.ts'],
]);

function aliased(specifier) {
  const path = ALIASES.get(specifier);
  if (path) return new URL(path, root).href;
  const plugin = /^@alert-hub\/plugin-(.+)$/.exec(specifier);
  return plugin ? new URL(`plugins/${plugin[1]}/src/index.ts`, root).href : null;
}

export function resolve(specifier, context, nextResolve) {
  const alias = aliased(specifier);
  if (alias) return { url: alias, shortCircuit: true };
  const fromTypeScript = context.parentURL?.endsWith('.ts') ?? false;
  if (fromTypeScript && /^\.{1,2}\//.test(specifier) && specifier.endsWith('.js')) {
    const typescript = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(typescript)) return { url: typescript.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const source = await readFile(new URL(url), 'utf8');
  const { code } = transformSync(source, {
    filename: fileURLToPath(url),
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  });
  return { format: 'module', source: code, shortCircuit: true };
}
