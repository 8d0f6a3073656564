import { Injectable } from '@nestjs/common';
import { SerialQueue } from './serial-queue.js';

/**
 * The one queue of the process's SQLite writes. TypeORM runs every statement on SQLite through
 * one connection, so a write issued while another's transaction is open would run inside it:
 * every writer (pushes, the retention purge) waits its turn here instead.
 */
@Injectable()
export class SqliteWriteQueue extends SerialQueue {}
