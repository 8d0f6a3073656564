import { describe, expect, it } from '@jest/globals';
import { alertRecord } from '../testing/alert-record.js';
import { outboxRowsOf } from './outbox-contributor.js';

const FOUND = new Date('2026-11-01T10:00:00Z');
const PUSHED = new Date('2026-11-01T10:05:00Z');
const DUE = new Date('2026-11-01T10:03:00Z');

describe('outboxRowsOf', () => {
  it('gives each transition of the batch a row, at the time its alert says it changed', () => {
    const raised = alertRecord({ id: 1, severity: 'Critical', updatedAt: PUSHED });
    // Found past its auto-resolve time: resolved at that time, and a new alert of its key opened.
    const settled = alertRecord({
      id: 2,
      status: 'resolved',
      resolvedAt: DUE,
      autoResolveAt: DUE,
      updatedAt: DUE,
    });
    const opened = alertRecord({ id: 3, updatedAt: PUSHED });
    const repeated = alertRecord({ id: 4, repeatCount: 1, updatedAt: PUSHED });
    const before = new Map(
      [
        alertRecord({ id: 1, updatedAt: FOUND }),
        alertRecord({ id: 2, autoResolveAt: DUE, updatedAt: FOUND }),
        alertRecord({ id: 4, updatedAt: FOUND }),
      ].map((alert) => [alert.id, alert]),
    );
    const rows = outboxRowsOf(
      {
        changed: [raised, settled],
        opened: [opened],
        repeated: [repeated],
        events: [],
        before,
      },
      () => true,
    );
    expect(rows.map((row) => [row.alertId, row.transition, row.occurredAt])).toEqual([
      [1, 'alert.severity_changed', PUSHED],
      [2, 'alert.resolved', DUE],
      [3, 'alert.triggered', PUSHED],
    ]);
    expect(rows[0]?.snapshot).toMatchObject({ severity: 'Critical', previousSeverity: 'Warning' });
  });

  it('gives none for an alert opened already resolved, or changed without a transition', () => {
    expect(
      outboxRowsOf(
        {
          changed: [alertRecord({ id: 1, eventCount: 2 })],
          opened: [alertRecord({ id: 2, status: 'resolved' })],
          repeated: [],
          events: [],
          before: new Map([[1, alertRecord({ id: 1 })]]),
        },
        () => true,
      ),
    ).toEqual([]);
  });

  it('gives none for an alert of a channel nobody subscribed to', () => {
    const watched = alertRecord({ id: 1, channelId: 'watched' });
    const unwatched = alertRecord({ id: 2, channelId: 'unwatched' });
    const rows = outboxRowsOf(
      { changed: [], opened: [watched, unwatched], repeated: [], events: [], before: new Map() },
      (channelId) => channelId === 'watched',
    );
    expect(rows.map((row) => [row.alertId, row.channelId])).toEqual([[1, 'watched']]);
  });
});
