import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { processCpuMs } from './cpu-time.js';

/** A server under test, in its own process so that its memory and CPU are its own. */
export interface ServerProcess {
  name: string;
  pid: number;
  url: string;
  /** CPU time the process has used so far, in ms (null without /proc). */
  cpuMs(): number | null;
  /** Peak resident memory since the last `resetPeakRss`, in MiB (VmHWM). */
  peakRssMb(): number | null;
  resetPeakRss(): void;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function readPeakRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Waits until `url` answers HTTP at all (any status), for at most `timeoutMs`. */
export async function waitForHttp(
  url: string,
  child: ChildProcess,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export interface StartOptions {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  port: number;
  /** A path that answers once the server is ready. */
  readyPath?: string;
}

export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const output: string[] = [];
  const child = spawn(options.command, options.args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 50) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHttp(url + (options.readyPath ?? '/'), child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${options.name} did not start: ${String(error)}\n${output.join('')}`);
  }
  const pid = child.pid ?? 0;
  return {
    name: options.name,
    pid,
    url,
    cpuMs: () => processCpuMs(pid),
    peakRssMb: () => readPeakRssMb(pid),
    resetPeakRss: () => {
      try {
        // Linux: writing 5 to clear_refs resets the peak (VmHWM) to the current RSS.
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
      } catch {
        // Without the right to do so, the peak counts from the start of the process.
      }
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
