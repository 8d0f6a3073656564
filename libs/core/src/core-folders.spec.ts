import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * The core's folders are its features and layers, and a dependency between two of them runs one
 * way. Two folders that import each other are one concept split in two, or a feature reaching
 * into another's internals; this test names every such pair with the imports on both sides.
 * Files at the top (`core.module.ts`, `core-entities.ts`, `core-options.ts`, `index.ts`) are the
 * composition root, which wires every folder and is read by all: they belong to no folder.
 * Specs are left out: a test may reach anywhere it needs to.
 */
const CORE_SOURCES = dirname(fileURLToPath(import.meta.url));

/** Each import of one folder by another, as `importer.ts => imported.js`. */
type FolderImports = Map<string, string[]>;

function folderOf(file: string): string | undefined {
  const parts = file.split('/');
  return parts.length > 1 ? parts[0] : undefined;
}

/** Imports between folders, keyed `from -> to`, of sources given by path relative to the root. */
function folderImports(sources: ReadonlyMap<string, string>): FolderImports {
  const imports: FolderImports = new Map();
  for (const [file, source] of sources) {
    const from = folderOf(file);
    for (const { fileName } of ts.preProcessFile(source, true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = relative('/', resolve('/', dirname(file), fileName))
        .split(sep)
        .join('/');
      const to = folderOf(target);
      if (from === undefined || to === undefined || from === to) continue;
      const key = `${from} -> ${to}`;
      imports.set(key, [...(imports.get(key) ?? []), `${file} => ${target}`]);
    }
  }
  return imports;
}

/** Every pair of folders that import each other, as `a <-> b` (a before b), with the imports. */
function twoWayPairs(sources: ReadonlyMap<string, string>): Map<string, string[]> {
  const imports = folderImports(sources);
  const pairs = new Map<string, string[]>();
  for (const [key, files] of imports) {
    const [from, to] = key.split(' -> ') as [string, string];
    const back = imports.get(`${to} -> ${from}`);
    if (from < to && back !== undefined) pairs.set(`${from} <-> ${to}`, [...files, ...back]);
  }
  return pairs;
}

function coreSources(): Map<string, string> {
  const sources = new Map<string, string>();
  for (const entry of readdirSync(CORE_SOURCES, { recursive: true, encoding: 'utf8' })) {
    const file = entry.split(sep).join('/');
    if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
    sources.set(file, readFileSync(join(CORE_SOURCES, entry), 'utf8'));
  }
  return sources;
}

describe('the folders of the core', () => {
  it('finds folders that import each other, by any kind of import, and nothing else', () => {
    const pairs = twoWayPairs(
      new Map([
        ['a/a.ts', "import { b } from '../b/b.js';\nexport const a = b;"],
        ['b/b.ts', "export type { A } from '../a/types.js';\nexport const b = 1;"],
        ['b/c.ts', "const c = import('../c/c.js');"],
        ['c/c.ts', "import { root } from '../root.js';\nimport type { B } from '../b/types.js';"],
        ['root.ts', "import { c } from './c/c.js';"],
      ]),
    );
    expect([...pairs]).toEqual([
      ['a <-> b', ['a/a.ts => b/b.js', 'b/b.ts => a/types.js']],
      ['b <-> c', ['b/c.ts => c/c.js', 'c/c.ts => b/types.js']],
    ]);
  });

  it('import each other one way only', () => {
    expect([...twoWayPairs(coreSources())]).toEqual([]);
  });
});
