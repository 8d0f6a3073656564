import type { Table } from '../table.js';
import { ALERT_EVENTS } from './alert-events.table.js';
import { ALERTS } from './alerts.table.js';
import { PUSH_LOG } from './push-log.table.js';

/** The tables the storage layer writes itself; contributors' tables are added at start-up. */
export const HOT_TABLES: readonly Table<unknown>[] = [
  ALERTS,
  ALERT_EVENTS,
  PUSH_LOG,
] as Table<unknown>[];
