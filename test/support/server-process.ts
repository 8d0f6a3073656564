import { join } from 'node:path';
import request from 'supertest';
import { freePort } from './free-port.js';
import { ManagedProcess, type ProcessExit, type ProcessUser } from './managed-process.js';
import type { TestDatabase } from './test-database.js';
import type { HttpClients } from './test-app.js';
import { waitFor } from './wait-for.js';

/** The built server (`npm run build`; the e2e global setup builds it before the suites run). */
export const SERVER_MAIN = join(
  import.meta.dirname,
  '..',
  '..',
  'dist',
  'apps',
  'server',
  'src',
  'main.js',
);

export interface ServerProcessOptions {
  database: TestDatabase;
  adminToken: string;
  env?: Record<string, string>;
  /** Runs the server as this user: the suite runs as root, whom file modes do not stop. */
  user?: ProcessUser;
  /** Characters of its output kept for `process.output()` (the last 16 000 by default). */
  outputKept?: number;
}

/**
 * The real server as a separate process, for what an in-process app cannot show: being killed,
 * being stopped by a signal, starting again on the same database.
 */
export class ServerProcess implements HttpClients {
  readonly http: request.Agent;
  readonly admin: request.Agent;

  private constructor(
    readonly process: ManagedProcess,
    readonly url: string,
    readonly port: number,
    adminToken: string,
  ) {
    this.http = request.agent(url);
    this.admin = request.agent(url).auth(adminToken, { type: 'bearer' });
  }

  /** Starts the server on a free port and waits until its admin API answers. */
  static async start(options: ServerProcessOptions): Promise<ServerProcess> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = new ManagedProcess(
      `alert-hub server on port ${port}`,
      process.execPath,
      [SERVER_MAIN],
      {
        // Its own working directory: a developer's .env at the repository root must not change
        // what a test starts. A test that means a .env to be read writes it there.
        cwd: options.database.dataDir,
        env: {
          PATH: process.env.PATH,
          PORT: String(port),
          HOST: '127.0.0.1',
          PUBLIC_URL: url,
          DATA_DIR: options.database.dataDir,
          DATABASE_URL: options.database.url,
          ADMIN_TOKEN: options.adminToken,
          LOG_LEVEL: 'warn',
          ...options.env,
        },
        user: options.user,
        outputKept: options.outputKept,
      },
    );
    const server = new ServerProcess(child, url, port, options.adminToken);
    try {
      await waitFor(
        `the server on port ${port} to answer`,
        async () => {
          if (child.hasExited) throw new Error('the server exited while starting');
          const response = await fetch(`${url}/api/v1/plugins`, {
            headers: { authorization: `Bearer ${options.adminToken}` },
          });
          return response.status === 200;
        },
        { timeoutMs: 60_000, context: () => child.output() },
      );
    } catch (error) {
      await child.stop();
      throw error;
    }
    return server;
  }

  /** Stops the server if it still runs; for clean-up after a test. */
  async stop(): Promise<ProcessExit> {
    return this.process.stop();
  }
}
