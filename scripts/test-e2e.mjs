// Runs the e2e suites on SQLite and on PostgreSQL side by side, as two Jest processes: most of
// an e2e suite's time is spent waiting (on child processes, timers, the browser), so the two
// runs share the machine's CPUs well and CI takes one run's time instead of two.
// `dist/` is built once here; the suites' global setup then leaves it alone.
// Arguments go to both Jest runs (e.g. a test path pattern). Exits non-zero when either fails.
import { execFileSync, spawn } from 'node:child_process';
import process from 'node:process';
import { createInterface } from 'node:readline';

const DATABASES = ['sqlite', 'postgres'];
const jest = [
  '--experimental-vm-modules',
  'node_modules/jest/bin/jest.js',
  '--selectProjects',
  'e2e',
];

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });

/** One database's run: its lines prefixed with the database, its exit code. */
function run(database) {
  const child = spawn(process.execPath, [...jest, ...process.argv.slice(2)], {
    env: { ...process.env, TEST_DATABASE: database, E2E_DIST_BUILT: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      process.stdout.write(`[${database}] ${line}\n`);
    });
  }
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ database, code: code ?? 1, signal }));
  });
}

const results = await Promise.all(DATABASES.map(run));
for (const { database, code, signal } of results) {
  const outcome = code === 0 ? 'passed' : `failed (${signal ?? `exit ${code}`})`;
  process.stdout.write(`e2e on ${database}: ${outcome}\n`);
}
process.exitCode = results.every(({ code }) => code === 0) ? 0 : 1;
