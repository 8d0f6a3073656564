import { describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { PushBatchContributors, type PushBatchContributor } from '../push-batch-contributor.js';
import type { WrittenPushBatch } from '../push-batch.js';
import { ONE_ALERT_PER_KEY, transitionsOf } from '../testing/one-alert-per-key.js';
import { PostgresHotWriter } from './postgres-hot-writer.js';

/**
 * A pool of one connection that answers like PostgreSQL would and remembers each query; the
 * lookup of alerts finds `loaded`.
 */
function recordingPool(loaded: Record<string, unknown>[] = []) {
  const queries: pg.QueryConfig[] = [];
  let nextId = 1;
  const client = {
    on: () => client,
    off: () => client,
    release: () => undefined,
    query: (config: pg.QueryConfig) => {
      queries.push(config);
      if (config.text.includes('RETURNING id')) {
        const rows = (JSON.parse(config.values?.[0] as string) as Record<string, unknown>[]).map(
          (row) => ({ ...row, id: nextId++ }),
        );
        return Promise.resolve({ rows });
      }
      if (config.text.startsWith('SELECT alert.*')) return Promise.resolve({ rows: loaded });
      return Promise.resolve({ rows: [] });
    },
  };
  const pool = { connect: () => Promise.resolve(client) } as unknown as pg.Pool;
  return { pool, queries };
}

describe('PostgresHotWriter', () => {
  it("writes a contributor's rows in the events' statement: no round trip of their own", async () => {
    const plain = recordingPool();
    await new PostgresHotWriter(plain.pool, 1000, new PushBatchContributors()).pushWriter(
      ONE_ALERT_PER_KEY,
    )({ alertKey: 'disk' });

    const contributed = recordingPool();
    const contributors = new PushBatchContributors();
    contributors.add(transitionsOf());
    await expect(
      new PostgresHotWriter(contributed.pool, 1000, contributors).pushWriter(ONE_ALERT_PER_KEY)({
        alertKey: 'disk',
      }),
    ).resolves.toBe('opened');

    const texts = (queries: pg.QueryConfig[]) => queries.map((query) => query.text.split(/\s/)[0]);
    // BEGIN, the lookup, the alerts' insert, the events' insert, COMMIT: as many either way.
    expect(texts(plain.queries)).toEqual(['BEGIN', 'SELECT', 'INSERT', 'INSERT', 'COMMIT']);
    expect(texts(contributed.queries)).toEqual(['BEGIN', 'SELECT', 'INSERT', 'WITH', 'COMMIT']);
    const events = contributed.queries[3];
    expect(events?.text).toMatch(/^WITH contributed_0 AS \(INSERT INTO alert_transitions/);
    expect(events?.text).toContain('INSERT INTO alert_events');
    // The transition names the alert the insert before gave its id.
    expect(JSON.parse(events?.values?.[1] as string)).toEqual([{ alert_id: 1, status: 'opened' }]);
  });

  it('shows contributors each alert as the batch found it, and tells them after the COMMIT', async () => {
    // The alert as the database would give it back: the row its insert wrote, with its id.
    const first = recordingPool();
    await new PostgresHotWriter(first.pool, 1000, new PushBatchContributors()).pushWriter(
      ONE_ALERT_PER_KEY,
    )({ alertKey: 'disk' });
    const [inserted] = JSON.parse(first.queries[2]?.values?.[0] as string) as Record<
      string,
      unknown
    >[];
    const second = recordingPool([{ ...inserted, id: '7' }]);
    const seen: WrittenPushBatch[] = [];
    const queriesWhenTold: number[] = [];
    const recording: PushBatchContributor = {
      ...transitionsOf(),
      contribute(batch) {
        seen.push(batch);
        return transitionsOf().contribute(batch);
      },
      committed: () => queriesWhenTold.push(second.queries.length),
    };
    const contributors = new PushBatchContributors();
    contributors.add(recording);
    await expect(
      new PostgresHotWriter(second.pool, 1000, contributors).pushWriter(ONE_ALERT_PER_KEY)({
        alertKey: 'disk',
      }),
    ).resolves.toBe('changed');
    const [batch] = seen;
    // A bigint key comes back from node-postgres as text: the batch names it as a number.
    const [changed] = batch?.changed ?? [];
    expect(changed?.id).toBe(7);
    expect(changed?.eventCount).toBe(2);
    expect(batch?.before.get(7)).toMatchObject({ id: 7, alertKey: 'disk', eventCount: 1 });
    // Told once, after the COMMIT, the last query of the transaction.
    expect(queriesWhenTold).toEqual([second.queries.length]);
    expect(second.queries.at(-1)?.text).toBe('COMMIT');
  });
});
