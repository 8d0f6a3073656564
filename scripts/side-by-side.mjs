// Runs commands at the same time, each output line prefixed with its label: for steps that
// mostly wait, or that each use one CPU, so that together they take the longest one's time.
import { spawn } from 'node:child_process';
import process from 'node:process';
import { createInterface } from 'node:readline';

/** One command's run: its lines prefixed with `label`, its exit code. */
function run({ label, command, args, env }) {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      process.stdout.write(`[${label}] ${line}\n`);
    });
  }
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ label, code: code ?? 1, signal }));
  });
}

/**
 * Runs `runs` ({ label, command, args, env }) side by side, says how each ended, and sets the
 * exit code: 0 only when every one passed.
 */
export async function sideBySide(runs) {
  const results = await Promise.all(runs.map(run));
  for (const { label, code, signal } of results) {
    const outcome = code === 0 ? 'passed' : `failed (${signal ?? `exit ${code}`})`;
    process.stdout.write(`${label}: ${outcome}\n`);
  }
  process.exitCode = results.every(({ code }) => code === 0) ? 0 : 1;
}
