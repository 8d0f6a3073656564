import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PushBatchContributors } from './push-batch-contributor.js';
import { checkSchema } from './schema-check.js';
import { HOT_TABLES } from './tables/hot-tables.js';

/**
 * Refuses to start when a table declaration disagrees with the schema the migrations made. Runs
 * once every module has started, so that contributors have added their tables.
 */
@Injectable()
export class StorageSchemaCheck implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contributors: PushBatchContributors,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return checkSchema(this.dataSource, [...HOT_TABLES, ...this.contributors.tables()]);
  }
}
