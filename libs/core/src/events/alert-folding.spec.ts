import { describe, expect, it } from '@jest/globals';
import { normalizedEvent as event } from '../testing/normalized-event.js';
import { foldEvent, type FoldContext } from './alert-folding.js';
import type { Alert } from './alert.entity.js';
import type { NormalizedEvent } from './normalized-event.js';

const context: FoldContext = {
  channelId: 'channel-1',
  integrationId: 'integration-1',
  pluginId: 'prometheus',
  receivedAt: new Date('2026-11-01T10:00:10Z'),
};

function opened(first: NormalizedEvent = event()): Alert {
  return foldEvent(undefined, first, context).alert;
}

describe('foldEvent', () => {
  it('opens an active alert for a firing event with no alert', () => {
    const alert = opened();
    expect(alert).toMatchObject({
      status: 'active',
      severity: 'Warning',
      eventCount: 1,
      repeatCount: 0,
      startsAt: new Date('2026-11-01T10:00:00Z'),
    });
  });

  it('counts an identical event as a repeat', () => {
    const alert = opened();
    const outcome = foldEvent(
      alert,
      event({ eventTime: new Date('2026-11-01T10:01:00Z') }),
      context,
    );
    expect(outcome.kind).toBe('repeat');
    expect(alert).toMatchObject({ eventCount: 1, repeatCount: 1 });
  });

  it('keeps the highest severity seen while active', () => {
    const alert = opened();
    foldEvent(alert, event({ severity: 'Critical' }), context);
    foldEvent(alert, event({ severity: 'Info' }), context);
    expect(alert).toMatchObject({ severity: 'Critical', eventCount: 3 });
  });

  it('resolves at the end time the source gave', () => {
    const alert = opened();
    const endsAt = new Date('2026-11-01T10:30:00Z');
    expect(foldEvent(alert, event({ status: 'resolved', endsAt }), context).kind).toBe('store');
    expect(alert).toMatchObject({ status: 'resolved', resolvedAt: endsAt, eventCount: 2 });
  });

  it('does not reopen for a late firing event of the resolved occurrence', () => {
    const alert = opened();
    foldEvent(alert, event({ status: 'resolved' }), context);
    const late = foldEvent(alert, event({ title: 'late copy' }), context);
    expect(late).toEqual({ kind: 'store', alert });
    expect(alert.status).toBe('resolved');
  });

  it('opens a new alert for a new occurrence after a resolution', () => {
    const alert = opened();
    foldEvent(alert, event({ status: 'resolved' }), context);
    const next = foldEvent(alert, event({ startsAt: new Date('2026-11-01T11:00:00Z') }), context);
    expect(next.alert).not.toBe(alert);
    expect(next.alert.status).toBe('active');
  });

  it('does not let the resolution of an older occurrence close a newer one', () => {
    const alert = opened(event({ startsAt: new Date('2026-11-01T11:00:00Z') }));
    foldEvent(
      alert,
      event({ status: 'resolved', startsAt: new Date('2026-11-01T10:00:00Z') }),
      context,
    );
    expect(alert.status).toBe('active');
  });

  it('opens a resolved alert for a resolution without any alert, so that its repeat is one', () => {
    const endsAt = new Date('2026-11-01T10:30:00Z');
    const resolution = event({ status: 'resolved', endsAt });
    const outcome = foldEvent(undefined, resolution, context);
    expect(outcome.kind).toBe('store');
    expect(outcome.alert).toMatchObject({
      status: 'resolved',
      startsAt: new Date('2026-11-01T10:00:00Z'),
      resolvedAt: endsAt,
      eventCount: 1,
      repeatCount: 0,
    });
    const { alert } = outcome;
    expect(foldEvent(alert, resolution, context)).toEqual({ kind: 'repeat', alert });
  });

  it('keeps a late firing event of an occurrence first seen resolved in that alert', () => {
    const alert = opened(event({ status: 'resolved' }));
    expect(foldEvent(alert, event(), context)).toEqual({ kind: 'store', alert });
    expect(alert.status).toBe('resolved');
  });
});
