import { Module } from '@nestjs/common';
import { HOT_WRITER } from './hot-writer.js';
import { HOT_WRITER_PROVIDER } from './hot-writer.provider.js';
import { PushBatchContributors } from './push-batch-contributor.js';
import { SqliteCheckpointer } from './sqlite/sqlite-checkpointer.js';
import { StorageSchemaCheck } from './storage-schema-check.js';
import { WriteQueue } from './write-queue.js';

/** The storage layer, one per app: see `index.ts` for its rules. */
@Module({
  providers: [
    WriteQueue,
    PushBatchContributors,
    HOT_WRITER_PROVIDER,
    SqliteCheckpointer,
    StorageSchemaCheck,
  ],
  exports: [WriteQueue, PushBatchContributors, HOT_WRITER],
})
export class StorageModule {}
