import { spawn, type ChildProcess } from 'node:child_process';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The user a child runs as, instead of this process's. */
export interface ProcessUser {
  uid: number;
  gid: number;
}

/** How much of a child's output is kept for failure messages, unless told otherwise. */
const OUTPUT_KEPT = 16_000;

/** The promise's value, or undefined when it does not settle within `timeoutMs`. */
async function within<T>(promise: Promise<T>, timeoutMs: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, timeoutMs, undefined);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A child process a test started: its output is kept for failure messages, its exit can be
 * awaited, and `stop()` never leaves it running.
 */
export class ManagedProcess {
  readonly exited: Promise<ProcessExit>;
  private readonly child: ChildProcess;
  private captured = '';
  private exit: ProcessExit | undefined;

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    options: {
      env?: NodeJS.ProcessEnv;
      cwd?: string;
      user?: ProcessUser;
      outputKept?: number;
    } = {},
  ) {
    this.child = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      uid: options.user?.uid,
      gid: options.user?.gid,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const kept = options.outputKept ?? OUTPUT_KEPT;
    const keep = (chunk: Buffer) => {
      this.captured = (this.captured + chunk.toString('utf8')).slice(-kept);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        keep(Buffer.from(`${String(error)}\n`));
        this.exit = { code: null, signal: null };
        resolve(this.exit);
      });
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get hasExited(): boolean {
    return this.exit !== undefined;
  }

  /** The last lines the process printed, labelled with its name. */
  output(): string {
    return `--- output of ${this.name} ---\n${this.captured}\n--- end of ${this.name} ---`;
  }

  signal(signal: NodeJS.Signals): void {
    if (!this.hasExited) this.child.kill(signal);
  }

  /** Waits for the exit, failing with the output when it takes longer than `timeoutMs`. */
  async waitForExit(timeoutMs: number): Promise<ProcessExit> {
    const exit = await within(this.exited, timeoutMs);
    if (exit === undefined) {
      throw new Error(`${this.name} did not exit within ${timeoutMs} ms\n${this.output()}`);
    }
    return exit;
  }

  /** SIGTERM, then SIGKILL if it is still running after `graceMs`. */
  async stop(graceMs = 10_000): Promise<ProcessExit> {
    this.signal('SIGTERM');
    const exit = await within(this.exited, graceMs);
    if (exit !== undefined) return exit;
    this.signal('SIGKILL');
    return this.exited;
  }
}
