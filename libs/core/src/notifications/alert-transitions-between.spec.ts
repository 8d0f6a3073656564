import { describe, expect, it } from '@jest/globals';
import { alertRecord } from '../testing/alert-record.js';
import { outboxRowsFor } from './alert-transition.js';
import { transitionsBetween } from './alert-transitions-between.js';

const AT = new Date('2026-11-01T10:00:00Z');

const alert = alertRecord;

describe('transitionsBetween', () => {
  it('triggers a new active alert, and nothing for one opened already resolved', () => {
    expect(transitionsBetween(undefined, alert({}), AT).map((t) => t.transition)).toEqual([
      'alert.triggered',
    ]);
    expect(transitionsBetween(undefined, alert({ status: 'resolved' }), AT)).toEqual([]);
  });

  it('resolves an active alert, and tells a severity change with the severity before', () => {
    expect(
      transitionsBetween(alert({}), alert({ status: 'resolved', resolvedAt: AT }), AT).map(
        (t) => t.transition,
      ),
    ).toEqual(['alert.resolved']);
    const [changed] = transitionsBetween(alert({}), alert({ severity: 'Critical' }), AT);
    expect(changed?.transition).toBe('alert.severity_changed');
    expect(changed?.alert).toMatchObject({ severity: 'Critical', previousSeverity: 'Warning' });
  });

  it('tells nothing of a repeat, or of a resolved alert seen again', () => {
    expect(transitionsBetween(alert({}), alert({}), AT)).toEqual([]);
    expect(
      transitionsBetween(alert({ status: 'resolved' }), alert({ status: 'resolved' }), AT),
    ).toEqual([]);
  });

  it('tells nothing of an alert a silence holds, until an event no silence matches shows it', () => {
    const silenced = { silencedBy: 'silence-1' };
    expect(transitionsBetween(undefined, alert(silenced), AT)).toEqual([]);
    expect(
      transitionsBetween(alert(silenced), alert({ ...silenced, severity: 'Critical' }), AT),
    ).toEqual([]);
    expect(
      transitionsBetween(alert(silenced), alert({ unsilencedAt: AT }), AT).map((t) => t.transition),
    ).toEqual(['alert.triggered']);
  });

  it('resolves an alert whatever silence held it: resolutions always pass', () => {
    expect(
      transitionsBetween(
        alert({ silencedBy: 'silence-1' }),
        alert({ silencedBy: 'silence-1', status: 'resolved', resolvedAt: AT }),
        AT,
      ).map((t) => t.transition),
    ).toEqual(['alert.resolved']);
  });

  it('makes one outbox row per transition, in order', () => {
    const transitions = [
      ...transitionsBetween(undefined, alert({ id: 2 }), AT),
      ...transitionsBetween(
        alert({ id: 3 }),
        alert({ id: 3, status: 'resolved', resolvedAt: AT }),
        AT,
      ),
    ];
    expect(outboxRowsFor(transitions).map((row) => [row.alertId, row.transition])).toEqual([
      [2, 'alert.triggered'],
      [3, 'alert.resolved'],
    ]);
  });
});
