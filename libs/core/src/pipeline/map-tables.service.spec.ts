import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { WriteQueue } from '../storage/index.js';
import type { MapTable } from './map-table.entity.js';
import { MapTablesService } from './map-tables.service.js';

const CLUSTERS: MapTable = {
  integrationId: 'int-1',
  name: 'clusters',
  version: 1,
  keyColumn: 'cluster',
  columns: ['cluster', 'team'],
  rows: [{ cluster: 'c-1', team: 'db' }],
  rowCount: 1,
  updatedAt: new Date(),
};

/** A database holding CLUSTERS whose queries wait until `answer()` is called. */
function slowDatabase() {
  const queries: string[] = [];
  const waiting: Array<() => void> = [];
  const answered = <T>(value: T) => new Promise<T>((resolve) => waiting.push(() => resolve(value)));
  const repository = {
    find: ({ select }: { select?: object }) => {
      queries.push(select === undefined ? 'rows' : 'versions');
      return answered(select === undefined ? [CLUSTERS] : [{ name: 'clusters', version: 1 }]);
    },
    delete: () => Promise.resolve({ affected: 1 }),
  };
  const dataSource = { getRepository: () => repository } as unknown as DataSource;
  /** Answers the queries asked so far, and lets what follows them run. */
  const answer = async () => {
    waiting.splice(0).forEach((resolve) => resolve());
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { dataSource, queries, answer };
}

const writes = { run: <T>(write: () => Promise<T>) => write() } as WriteQueue;

describe('MapTablesService.indexesFor', () => {
  it('gives the pushes that find the versions due together one check of them', async () => {
    const database = slowDatabase();
    const service = new MapTablesService(database.dataSource, writes);
    const pushes = [1, 2, 3].map(() => service.indexesFor('int-1', ['clusters']));
    await database.answer();
    await database.answer();

    const [first, ...others] = await Promise.all(pushes);
    expect(database.queries).toEqual(['versions', 'rows']);
    expect(first?.get('clusters')?.get('c-1')).toEqual([['team', 'db']]);
    for (const tables of others) expect(tables).toBe(first);
  });

  it('starts a check of its own for a push after a table changed while one was under way', async () => {
    const database = slowDatabase();
    const service = new MapTablesService(database.dataSource, writes);
    const before = service.indexesFor('int-1', ['clusters']);
    await service.remove('int-1', 'clusters');
    const after = service.indexesFor('int-1', ['clusters']);
    await database.answer();
    await database.answer();

    await Promise.all([before, after]);
    expect(database.queries).toEqual(['versions', 'versions', 'rows', 'rows']);
  });
});
