import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The console `npm run build` writes into dist/console, if it was built. This file runs from
 * dist/apps/server/src (`npm start`) or from apps/server/src (the tests run the sources): three
 * folders up is dist/ itself in the first case, the repository in the second.
 */
export function builtConsoleFolder(): string | undefined {
  const up = resolve(import.meta.dirname, '..', '..', '..');
  return [join(up, 'console'), join(up, 'dist', 'console')].find((folder) =>
    existsSync(join(folder, 'index.html')),
  );
}
