// Module hooks that let a plain `node` process load the TypeScript sources exactly as Jest does:
// the same SWC options (types stripped, decorator metadata kept for Nest's dependency
// injection) and the same module name mapping (path aliases, `.js` imports naming `.ts` files).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync } from '@swc/core';
import { shared, swc } from '../../../jest.config.js';

const rootDir = fileURLToPath(new URL('../../../', import.meta.url));
const [, swcOptions] = swc;
const mappings = Object.entries(shared.moduleNameMapper).map(([pattern, target]) => ({
  pattern: new RegExp(pattern),
  target: target.replace('<rootDir>', rootDir),
}));

/** The TypeScript file a specifier names through Jest's mapping, if there is one. */
function mappedSource(specifier, parentURL) {
  for (const { pattern, target } of mappings) {
    if (!pattern.test(specifier)) continue;
    const mapped = specifier.replace(pattern, target);
    const path = mapped.endsWith('.ts') ? mapped : `${mapped}.ts`;
    const url = mapped.startsWith('.') ? new URL(path, parentURL) : pathToFileURL(path);
    return existsSync(url) ? url.href : null;
  }
  return null;
}

export function resolve(specifier, context, nextResolve) {
  const fromSources = !context.parentURL?.includes('/node_modules/');
  const source = fromSources ? mappedSource(specifier, context.parentURL) : null;
  return source ? { url: source, shortCircuit: true } : nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const source = await readFile(new URL(url), 'utf8');
  const { code } = transformSync(source, { ...swcOptions, filename: fileURLToPath(url) });
  return { format: 'module', source: code, shortCircuit: true };
}
