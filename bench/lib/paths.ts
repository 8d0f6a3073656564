import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from this file compiled to dist/bench/lib/. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const COMPILED_BENCH = join(REPO_ROOT, 'dist/bench');
export const BENCH_SOURCES = join(REPO_ROOT, 'bench');
