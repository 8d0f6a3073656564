import { describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { PushBatchContributors } from '../push-batch-contributor.js';
import { ONE_ALERT_PER_KEY, transitionsOf } from '../testing/one-alert-per-key.js';
import { PostgresHotWriter } from './postgres-hot-writer.js';

/** A pool of one connection that answers like PostgreSQL would and remembers each query. */
function recordingPool() {
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
});
