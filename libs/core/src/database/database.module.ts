import { Module } from '@nestjs/common';
import { SqliteCheckpointer } from './sqlite-checkpointer.js';
import { WriteQueue } from './write-queue.js';

/** One write queue per app, shared by every module that writes; SQLite's background checkpoints. */
@Module({ providers: [WriteQueue, SqliteCheckpointer], exports: [WriteQueue] })
export class DatabaseModule {}
