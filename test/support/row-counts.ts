import { DataSource } from 'typeorm';
import type { TestApp } from './test-app.js';

export interface RowCounts {
  events: number;
  alerts: number;
}

/** The rows of an integration in a table, read directly. */
export async function count(t: TestApp, table: string, integrationId: string): Promise<number> {
  const row = await t.app
    .get(DataSource)
    .createQueryBuilder()
    .select('COUNT(*)', 'count')
    .from(table, 'row')
    .where('row.integration_id = :integrationId', { integrationId })
    .getRawOne<{ count: number | string }>();
  return Number(row?.count ?? 0);
}

/** How many events and alerts an integration has in the database, read directly. */
export async function rowCounts(t: TestApp, integrationId: string): Promise<RowCounts> {
  return {
    events: await count(t, 'alert_events', integrationId),
    alerts: await count(t, 'alerts', integrationId),
  };
}
