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
  autoResolveAfterSeconds: 3600,
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

describe('foldEvent, events that never resolve', () => {
  const receivedAt = new Date('2026-11-01T10:00:10Z');
  const at = (seconds: number): FoldContext => ({
    ...context,
    receivedAt: new Date(receivedAt.getTime() + seconds * 1000),
    autoResolveAfterSeconds: 60,
  });
  const later = (seconds: number) => new Date(receivedAt.getTime() + seconds * 1000);
  // A one-off event: no start or end time, so every occurrence has the same signature.
  const oneOff = (overrides: Partial<NormalizedEvent> = {}) =>
    event({ neverResolves: true, severity: 'Info', startsAt: null, ...overrides });

  it('arms the alert it opens for the time received plus the time-out, not the event time', () => {
    const { alert } = foldEvent(
      undefined,
      oneOff({ eventTime: new Date('2018-12-26T14:01:14Z') }),
      at(0),
    );
    expect(alert).toMatchObject({ status: 'active', autoResolveAt: later(60) });
  });

  it('never arms an alert of other events, whatever comes', () => {
    const alert = opened();
    expect(alert.autoResolveAt).toBeNull();
    expect(foldEvent(alert, event(), at(3600)).kind).toBe('repeat');
    foldEvent(alert, event({ severity: 'Critical' }), at(7200));
    expect(alert).toMatchObject({ status: 'active', autoResolveAt: null });
  });

  it('re-arms on a repeat within the window, which still counts as a repeat', () => {
    const { alert } = foldEvent(undefined, oneOff(), at(0));
    const outcome = foldEvent(alert, oneOff({ eventTime: later(50) }), at(50));
    expect(outcome).toEqual({ kind: 'repeat', alert });
    expect(alert).toMatchObject({ status: 'active', repeatCount: 1, autoResolveAt: later(110) });
  });

  it('resolves an alert past its time at that time and opens a new one for the event', () => {
    const { alert: first } = foldEvent(undefined, oneOff(), at(0));
    const outcome = foldEvent(first, oneOff(), at(61));
    expect(outcome.autoResolveSettled).toBe(first);
    expect(first).toMatchObject({
      status: 'resolved',
      resolvedAt: later(60),
      updatedAt: later(60),
      autoResolveAt: later(60),
      repeatCount: 0,
    });
    expect(outcome.kind).toBe('store');
    expect(outcome.alert).not.toBe(first);
    expect(outcome.alert).toMatchObject({ status: 'active', autoResolveAt: later(121) });
  });

  it('counts the alert as due at its time exactly', () => {
    const { alert: first } = foldEvent(undefined, oneOff(), at(0));
    expect(foldEvent(first, oneOff(), at(60)).autoResolveSettled).toBe(first);
  });

  it('decides the same whether the sweep resolved the alert before the event or not', () => {
    const swept = foldEvent(undefined, oneOff(), at(0)).alert;
    Object.assign(swept, { status: 'resolved', resolvedAt: later(60), updatedAt: later(60) });
    const afterSweep = foldEvent(swept, oneOff(), at(90));
    const unswept = foldEvent(undefined, oneOff(), at(0)).alert;
    const withoutSweep = foldEvent(unswept, oneOff(), at(90));

    expect(afterSweep.autoResolveSettled).toBeUndefined();
    expect(unswept).toEqual(swept);
    expect(afterSweep.alert).toEqual(withoutSweep.alert);
    expect(afterSweep.alert).not.toBe(swept);
  });

  it('keeps an alert active for an event received before its time, though a sweep came first', () => {
    const alert = foldEvent(undefined, oneOff(), at(0)).alert;
    Object.assign(alert, { status: 'resolved', resolvedAt: later(60), updatedAt: later(60) });
    const outcome = foldEvent(alert, oneOff(), at(59));
    expect(outcome).toEqual({ kind: 'repeat', alert, autoResolveSettled: alert });
    expect(alert).toMatchObject({ status: 'active', resolvedAt: null, autoResolveAt: later(119) });
  });

  it('opens a new alert for any firing event once one was auto-resolved', () => {
    const { alert: first } = foldEvent(undefined, oneOff({ startsAt: later(0) }), at(0));
    // The same start time would otherwise be a late copy of the closed occurrence.
    const next = foldEvent(first, event({ startsAt: later(0), severity: 'Info' }), at(61));
    expect(next.alert).not.toBe(first);
    expect(next.alert).toMatchObject({ status: 'active', autoResolveAt: null });
  });

  it('keeps a resolution that comes after the time in the auto-resolved alert, resolved at it', () => {
    const { alert: first } = foldEvent(undefined, oneOff(), at(0));
    const outcome = foldEvent(first, oneOff({ status: 'resolved', endsAt: later(70) }), at(75));
    expect(outcome).toEqual({ kind: 'store', alert: first, autoResolveSettled: first });
    expect(first).toMatchObject({ status: 'resolved', resolvedAt: later(60), eventCount: 2 });
  });

  it('clears the time when the source resolves the alert itself', () => {
    const { alert } = foldEvent(undefined, oneOff(), at(0));
    foldEvent(alert, oneOff({ status: 'resolved', endsAt: later(30) }), at(30));
    expect(alert).toMatchObject({ status: 'resolved', resolvedAt: later(30), autoResolveAt: null });
  });

  it('lets the latest firing event decide: one that will resolve disarms the alert', () => {
    const { alert } = foldEvent(undefined, oneOff(), at(0));
    foldEvent(alert, event({ startsAt: null, severity: 'Warning' }), at(30));
    expect(alert).toMatchObject({ status: 'active', autoResolveAt: null });
    foldEvent(alert, oneOff({ severity: 'Critical' }), at(40));
    expect(alert.autoResolveAt).toEqual(later(100));
  });

  it('keeps the title and description of an active alert for an event without a title', () => {
    const alert = opened(event({ description: 'at 95%' }));
    const untitled = { title: 'Alert key-1', keepsAlertTitle: true, startsAt: null };
    foldEvent(alert, event({ ...untitled, severity: 'Critical' }), context);
    expect(alert).toMatchObject({
      title: 'Disk almost full',
      description: 'at 95%',
      severity: 'Critical',
    });
    foldEvent(alert, event({ ...untitled, status: 'resolved' }), context);
    expect(alert).toMatchObject({ status: 'resolved', title: 'Disk almost full' });
  });
});
