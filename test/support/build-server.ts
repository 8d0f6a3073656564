import { execFileSync } from 'node:child_process';

/**
 * Jest global setup of the e2e suites: the crash and shutdown suites run the built server as a
 * child process, so `dist/` is rebuilt from the current sources before any suite starts.
 */
export default function buildServer(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}
