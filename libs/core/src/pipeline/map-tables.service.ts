import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type Repository } from 'typeorm';
import { InvalidParameterError, NotFoundError } from '../common/api-error.js';
import { VersionConflictError } from '../common/version-conflict.error.js';
import { WriteQueue } from '../storage/index.js';
import { MapTable } from './map-table.entity.js';
import { MAP_TABLE_LIMITS, indexMapTable, type MapTableIndex } from './map-table.js';
import { parseMapTable, type MapTableUpload } from './map-table-upload.js';
import type { MapTables } from './pipeline-steps.js';
import { TABLE_NAME } from './pipeline-validation.js';

/**
 * How long a push trusts the versions of the tables it read: a table replaced through another
 * instance is used by this one at most this long after.
 */
export const TABLE_RECHECK_MS = 5_000;

/** A table without its rows: what the API lists. */
export type MapTableSummary = Omit<MapTable, 'rows'>;

interface CachedTables {
  checkedAt: number;
  versions: Map<string, number>;
  indexes: Map<string, MapTableIndex>;
}

/** Stores an integration's map tables, and serves them indexed to the pipeline. */
@Injectable()
export class MapTablesService {
  private readonly tables: Repository<MapTable>;
  /** By integration id and the names asked for. */
  private readonly cache = new Map<string, CachedTables>();
  /** Checks of the versions under way, by the same keys. */
  private readonly checking = new Map<string, Promise<MapTables>>();

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly writes: WriteQueue,
  ) {
    this.tables = dataSource.getRepository(MapTable);
  }

  list(integrationId: string): Promise<MapTableSummary[]> {
    return this.tables.find({
      where: { integrationId },
      select: {
        integrationId: true,
        name: true,
        version: true,
        keyColumn: true,
        columns: true,
        rowCount: true,
        updatedAt: true,
      },
      order: { name: 'ASC' },
    });
  }

  /** Uploads a table, new (version 0) or replacing the version named; 409 if that is stale. */
  async replace(
    integrationId: string,
    name: string,
    upload: MapTableUpload & { version: number },
  ): Promise<MapTableSummary> {
    assertTableName(name);
    const content = parseMapTable(upload);
    const row = {
      keyColumn: content.keyColumn,
      columns: content.columns,
      rows: content.rows,
      rowCount: content.rows.length,
      updatedAt: new Date(),
    };
    const written = await this.writes.run(async () => {
      if (upload.version === 0) {
        const count = await this.tables.count({ where: { integrationId } });
        const exists = await this.tables.exists({ where: { integrationId, name } });
        if (exists) return false;
        if (count >= MAP_TABLE_LIMITS.tablesPerIntegration) {
          throw new InvalidParameterError(
            `an integration has at most ${MAP_TABLE_LIMITS.tablesPerIntegration} map tables`,
            ['too many map tables'],
          );
        }
        await this.tables.insert({ integrationId, name, version: 1, ...row });
        return true;
      }
      const result = await this.tables.update(
        { integrationId, name, version: upload.version },
        { ...row, version: upload.version + 1 },
      );
      return result.affected !== 0;
    });
    if (!written) {
      const current = await this.tables.findOne({
        where: { integrationId, name },
        select: { version: true },
      });
      throw new VersionConflictError(`map table ${name}`, upload.version, current?.version ?? 0);
    }
    this.forget(integrationId);
    const { rows: _rows, ...summary } = row;
    return { integrationId, name, version: upload.version + 1, ...summary };
  }

  async remove(integrationId: string, name: string): Promise<void> {
    const result = await this.writes.run(() => this.tables.delete({ integrationId, name }));
    if (result.affected === 0) throw new NotFoundError('map table', name);
    this.forget(integrationId);
  }

  /**
   * The tables named, indexed, at their latest versions (as of at most TABLE_RECHECK_MS ago).
   * A table that does not exist is left out: its `map` steps change nothing.
   */
  async indexesFor(integrationId: string, names: readonly string[]): Promise<MapTables> {
    const cacheKey = `${integrationId}\n${names.join('\n')}`;
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined && Date.now() - cached.checkedAt < TABLE_RECHECK_MS) {
      return cached.indexes;
    }
    // Under load every push in flight finds the versions due at once: they share one check.
    let checking = this.checking.get(cacheKey);
    if (checking === undefined) {
      checking = this.check(integrationId, names, cacheKey, cached).finally(() => {
        if (this.checking.get(cacheKey) === checking) this.checking.delete(cacheKey);
      });
      this.checking.set(cacheKey, checking);
    }
    return checking;
  }

  /** Reads the tables' versions, and loads and indexes those changed since `cached`. */
  private async check(
    integrationId: string,
    names: readonly string[],
    cacheKey: string,
    cached: CachedTables | undefined,
  ): Promise<MapTables> {
    const now = Date.now();
    const current = await this.tables.find({
      where: { integrationId, name: In([...names]) },
      select: { name: true, version: true },
    });
    const stale = current.filter(({ name, version }) => cached?.versions.get(name) !== version);
    const loaded =
      stale.length === 0
        ? []
        : await this.tables.find({
            where: { integrationId, name: In(stale.map((table) => table.name)) },
          });
    const fresh = {
      checkedAt: now,
      versions: new Map<string, number>(),
      indexes: new Map<string, MapTableIndex>(),
    };
    for (const { name, version } of current) {
      const table = loaded.find((candidate) => candidate.name === name);
      const index = table ? indexMapTable(table) : cached?.indexes.get(name);
      if (index === undefined) continue;
      fresh.versions.set(name, table?.version ?? version);
      fresh.indexes.set(name, index);
    }
    this.cache.set(cacheKey, fresh);
    return fresh.indexes;
  }

  private forget(integrationId: string): void {
    for (const key of this.cache.keys()) {
      if (key.startsWith(`${integrationId}\n`)) this.cache.delete(key);
    }
    // A check begun before the change may have read the old versions: pushes from now on start
    // their own.
    for (const key of this.checking.keys()) {
      if (key.startsWith(`${integrationId}\n`)) this.checking.delete(key);
    }
  }
}

function assertTableName(name: string): void {
  if (!TABLE_NAME.test(name)) {
    throw new InvalidParameterError(
      `map table name "${name}": 1 to 64 of a-z, 0-9, _ and -, starting with a letter or digit`,
      ['name must be a-z, 0-9, _ and -'],
    );
  }
}
