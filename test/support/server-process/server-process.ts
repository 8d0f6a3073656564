import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const REGISTER_HOOKS = join(import.meta.dirname, 'register.mjs');
const MAIN = join(ROOT, 'apps', 'server', 'src', 'main.ts');
/** How long a start may take on a busy machine before the test gives up. */
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
/** What main.ts logs once it accepts requests. */
const LISTENING = /listening on (http:\/\/[^\s;]+)/;

export interface ServerProcess {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the real server (apps/server/src/main.ts) as a separate process on 127.0.0.1 and a
 * free port, and resolves once it listens.
 */
export async function startServerProcess(
  env: Record<string, string> & { DATA_DIR: string },
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', REGISTER_HOOKS, MAIN], {
    // Not the repository root: a developer's .env there must not change what a test starts.
    cwd: env.DATA_DIR,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let started = false;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    // Read on after the start too: a pipe nobody drains would block the server's logging.
    const read = (chunk: Buffer) => {
      if (started) return;
      output += chunk.toString('utf8');
      const listening = LISTENING.exec(output);
      if (listening?.[1]) {
        started = true;
        clearTimeout(timer);
        resolve(listening[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${String(code)} before listening:\n${output}`));
    });
  });
  return { url, stop: () => stop(child) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
