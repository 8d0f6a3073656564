import { execFileSync } from 'node:child_process';

/**
 * Jest global setup of the e2e suites: the crash and shutdown suites run the built server as a
 * child process, so `dist/` is rebuilt from the current sources before any suite starts, unless
 * the caller built it already.
 */
export default function buildServer(): void {
  // scripts/test-e2e.mjs built it once for the runs it starts side by side.
  if (process.env.E2E_DIST_BUILT === 'true') return;
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}
