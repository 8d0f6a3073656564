import { describe, expect, it } from '@jest/globals';
import { RowEncoder, decodeRow } from './codec.js';
import { POSTGRES_CODEC } from './postgres/postgres-codec.js';
import { bulkInsertSql, bulkRowsJson, bulkUpdateSql } from './postgres/postgres-bulk-rows.js';
import { SQLITE_CODEC } from './sqlite/sqlite-codec.js';
import { sqliteInsertSql, sqliteUpdateByIdSql } from './sqlite/sqlite-statements.js';
import { ALERTS, ALERT_REPEAT_FIELDS, type AlertRecord } from './tables/alerts.table.js';
import { Table } from './table.js';

const alert: AlertRecord = {
  id: 7,
  channelId: 'channel-1',
  alertKey: 'key-1',
  integrationId: 'integration-1',
  pluginId: 'prometheus',
  status: 'active',
  severity: 'Critical',
  title: 'Disk almost full',
  description: null,
  labels: { alertname: 'DiskFull', team: 'db' },
  startsAt: new Date('2026-11-01T10:00:00.000Z'),
  resolvedAt: null,
  lastEventAt: new Date('2026-11-01T10:00:05.250Z'),
  lastSeenAt: new Date('2026-11-01T10:00:05.250Z'),
  eventCount: 2,
  repeatCount: 1,
  autoResolveAt: null,
  lastEventSignature: 'firing|Critical',
  silencedBy: null,
  unsilencedAt: null,
  createdAt: new Date('2026-11-01T10:00:00.000Z'),
  updatedAt: new Date('2026-11-01T10:00:05.250Z'),
};

interface Note {
  id?: number;
  alertId: number;
  body: string | null;
  writtenAt: Date;
}

const NOTES = new Table<Note>('notes', {
  id: { name: 'id', kind: 'id' },
  alertId: { name: 'alert_id', kind: 'integer' },
  body: { name: 'body', kind: 'text', nullable: true },
  writtenAt: { name: 'written_at', kind: 'time' },
});

describe('Table', () => {
  it('derives every statement from the one declaration, columns and values in step', () => {
    const columns = NOTES.insertColumns();
    expect(sqliteInsertSql(NOTES, columns)).toBe(
      'INSERT INTO notes (alert_id, body, written_at) VALUES (?, ?, ?)',
    );
    expect(sqliteUpdateByIdSql(NOTES, NOTES.pick(['body']))).toBe(
      'UPDATE notes SET body = ? WHERE id = ?',
    );
    const note: Note = { alertId: 3, body: null, writtenAt: new Date('2026-11-01T10:00:00Z') };
    expect(new RowEncoder(SQLITE_CODEC).values(note, columns)).toEqual([
      3,
      null,
      '2026-11-01 10:00:00.000',
    ]);
    expect(bulkInsertSql(NOTES, columns, 2).replace(/\s+/g, ' ')).toBe(
      'INSERT INTO notes (alert_id, body, written_at) SELECT alert_id, body, written_at FROM ' +
        'jsonb_to_recordset($2::jsonb) AS v(alert_id bigint, body text, written_at timestamptz)',
    );
    expect(JSON.parse(bulkRowsJson([note], columns, new RowEncoder(POSTGRES_CODEC)))).toEqual([
      { alert_id: 3, body: null, written_at: '2026-11-01T10:00:00.000Z' },
    ]);
  });

  it('updates by the key, which the bulk rows carry first', () => {
    expect(bulkUpdateSql(ALERTS, ALERTS.pick(ALERT_REPEAT_FIELDS)).replace(/\s+/g, ' ')).toBe(
      'UPDATE alerts AS t SET repeat_count = v.repeat_count, last_seen_at = v.last_seen_at, ' +
        'auto_resolve_at = v.auto_resolve_at, silenced_by = v.silenced_by, ' +
        'unsilenced_at = v.unsilenced_at, updated_at = v.updated_at FROM ' +
        'jsonb_to_recordset($1::jsonb) AS v(id bigint, repeat_count bigint, ' +
        'last_seen_at timestamptz, auto_resolve_at timestamptz, silenced_by text, ' +
        'unsilenced_at timestamptz, updated_at timestamptz) WHERE t.id = v.id',
    );
  });

  it('binds a flag as SQLite stores booleans and reads it back', () => {
    const FLAGS = new Table<{ silenced: boolean }>('flags', {
      silenced: { name: 'silenced', kind: 'boolean' },
    });
    const encoder = new RowEncoder(SQLITE_CODEC);
    expect(encoder.values({ silenced: true }, FLAGS.columns)).toEqual([1]);
    expect(decodeRow({ silenced: 0 }, FLAGS.columns, SQLITE_CODEC)).toEqual({ silenced: false });
  });

  it('refuses a field it does not declare', () => {
    expect(() => NOTES.pick(['missing' as keyof Note])).toThrow('notes declares no column');
  });
});

describe('column mapping', () => {
  it('reads back on SQLite the alert it wrote, times to the millisecond and JSON whole', () => {
    const values = new RowEncoder(SQLITE_CODEC).values(alert, ALERTS.columns);
    const row = Object.fromEntries(ALERTS.columns.map((column, i) => [column.name, values[i]]));
    expect(row.labels).toBe('{"alertname":"DiskFull","team":"db"}');
    expect(row.last_event_at).toBe('2026-11-01 10:00:05.250');
    expect(decodeRow(row, ALERTS.columns, SQLITE_CODEC)).toEqual(alert);
  });

  it('reads back on PostgreSQL the alert it wrote, as node-postgres returns the row', () => {
    const [record] = JSON.parse(
      bulkRowsJson([alert], ALERTS.columns, new RowEncoder(POSTGRES_CODEC)),
    ) as Record<string, unknown>[];
    expect(record?.labels).toEqual(alert.labels);
    // node-postgres gives bigint ids as text when not configured otherwise, times as Dates.
    const row = {
      ...record,
      id: '7',
      starts_at: alert.startsAt,
      last_event_at: alert.lastEventAt,
      last_seen_at: alert.lastSeenAt,
      created_at: alert.createdAt,
      updated_at: alert.updatedAt,
    };
    expect(decodeRow(row, ALERTS.columns, POSTGRES_CODEC)).toEqual(alert);
  });

  it('spells a time or an object once per write, however many columns repeat it', () => {
    const calls: unknown[] = [];
    const counting = {
      ...SQLITE_CODEC,
      encode: {
        ...SQLITE_CODEC.encode,
        time: (date: Date) => {
          calls.push(date);
          return SQLITE_CODEC.encode.time(date as never);
        },
      },
    };
    new RowEncoder(counting).values(alert, ALERTS.columns);
    // starts_at and created_at share one time, the three others another.
    expect(calls).toHaveLength(2);
  });
});
