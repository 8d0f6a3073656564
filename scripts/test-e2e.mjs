// Runs the e2e suites on SQLite and on PostgreSQL side by side, as two Jest processes: most of
// an e2e suite's time is spent waiting (on child processes, timers, the browser), so the two
// runs share the machine's CPUs well and CI takes one run's time instead of two.
// `dist/` is built once here; the suites' global setup then leaves it alone.
// Arguments go to both Jest runs (e.g. a test path pattern). Exits non-zero when either fails.
import { execFileSync } from 'node:child_process';
import process from 'node:process';
import { sideBySide } from './side-by-side.mjs';

const DATABASES = ['sqlite', 'postgres'];

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });

await sideBySide(
  DATABASES.map((database) => ({
    label: database,
    command: process.execPath,
    args: [
      '--experimental-vm-modules',
      'node_modules/jest/bin/jest.js',
      '--selectProjects',
      'e2e',
      ...process.argv.slice(2),
    ],
    env: { TEST_DATABASE: database, E2E_DIST_BUILT: 'true' },
  })),
);
