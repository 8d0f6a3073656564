import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { sqliteConnectionOf } from '../storage-handles.js';

/**
 * How soon the background thread checkpoints again: soon while pushes keep coming (the WAL stays
 * small, so the writer seldom finds it over its own limit), rarely while the WAL is idle.
 */
const BUSY_INTERVAL_MS = 10;
const IDLE_INTERVAL_MS = 200;
/**
 * WAL pages after which the writing connection checkpoints by itself, as SQLite does by default
 * at 1 000: the net under a background thread that falls behind or has stopped.
 */
const FALLBACK_AUTOCHECKPOINT_PAGES = 16_000;
const SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

/**
 * The checkpoint loop of the worker thread. A script given as text rather than a module file:
 * the same text runs from the TypeScript sources under the tests and from the build. It opens
 * its own connection; a PASSIVE checkpoint never waits for the writer, and one that finds the
 * database busy is simply tried again at the next tick.
 */
const CHECKPOINT_LOOP = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const database = new Database(workerData.file, { fileMustExist: true });
let timer;
let copied = 0;
const tick = () => {
  let wrote = false;
  try {
    const [{ checkpointed }] = database.pragma('wal_checkpoint(PASSIVE)');
    wrote = checkpointed !== copied;
    copied = checkpointed;
  } catch (error) {
    if (error.code !== 'SQLITE_BUSY') {
      database.close();
      throw error;
    }
  }
  timer = setTimeout(tick, wrote ? workerData.busyIntervalMs : workerData.idleIntervalMs);
};
parentPort.on('message', () => {
  clearTimeout(timer);
  database.close();
  parentPort.close();
});
tick();
`;

/**
 * Checkpoints SQLite's write-ahead log in a worker thread. By default the connection that
 * commits also checkpoints, synchronously: copying the WAL into the database file and syncing it
 * then blocked the event loop, and with it every request, for about a third of the time under a
 * storm of new alerts (profile of 20-alert pushes). In a thread of its own it runs beside the
 * requests, on the second core.
 */
@Injectable()
export class SqliteCheckpointer implements OnModuleDestroy {
  private readonly logger = new Logger('Database');
  private worker: Worker | null = null;
  private exited: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() dataSource: DataSource) {
    if (dataSource.options.type !== 'better-sqlite3') return;
    const connection = sqliteConnectionOf(dataSource);
    if (connection.memory) return;
    connection.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
    const worker = new Worker(CHECKPOINT_LOOP, {
      eval: true,
      workerData: {
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        file: connection.name,
        busyIntervalMs: BUSY_INTERVAL_MS,
        idleIntervalMs: IDLE_INTERVAL_MS,
      },
    });
    // The thread alone must not keep the process alive.
    worker.unref();
    this.exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.on('error', (error) => {
      this.logger.warn(
        `background checkpoints stopped, the writer checkpoints again: ${error.message}`,
      );
      if (connection.open) {
        connection.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES}`);
      }
    });
    this.worker = worker;
  }

  /** Lets the thread close its connection before the database is closed. */
  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    worker.postMessage('stop');
    await this.exited;
  }
}
