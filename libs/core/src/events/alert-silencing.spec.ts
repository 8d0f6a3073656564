import { describe, expect, it } from '@jest/globals';
import { normalizedEvent as event } from '../testing/normalized-event.js';
import { foldEvent, type FoldContext } from './alert-folding.js';

const context = (receivedAt: string, silencedBy: string | null): FoldContext => ({
  channelId: 'channel-1',
  integrationId: 'integration-1',
  pluginId: 'prometheus',
  receivedAt: new Date(receivedAt),
  autoResolveAfterSeconds: 3600,
  silencedBy,
});

describe('silences in alert folding', () => {
  it('opens an alert silenced when its first event was', () => {
    const { alert } = foldEvent(undefined, event(), context('2026-11-01T10:00:00Z', 's1'));
    expect(alert).toMatchObject({ status: 'active', silencedBy: 's1', unsilencedAt: null });
  });

  it('un-silences an alert once, at the first firing event no silence matched', () => {
    const { alert } = foldEvent(undefined, event(), context('2026-11-01T10:00:00Z', 's1'));
    const later = event({ severity: 'Critical' });
    foldEvent(alert, later, context('2026-11-01T11:00:00Z', null));
    expect(alert).toMatchObject({
      silencedBy: null,
      unsilencedAt: new Date('2026-11-01T11:00:00Z'),
    });
    foldEvent(alert, later, context('2026-11-01T12:00:00Z', null));
    expect(alert.unsilencedAt).toEqual(new Date('2026-11-01T11:00:00Z'));
  });

  it('silences an alert already visible when a later event is silenced (a repeat too)', () => {
    const { alert } = foldEvent(undefined, event(), context('2026-11-01T10:00:00Z', null));
    const outcome = foldEvent(alert, event(), context('2026-11-01T10:05:00Z', 's1'));
    expect(outcome.kind).toBe('repeat');
    expect(alert.silencedBy).toBe('s1');
  });

  it('resolves a silenced alert unseen: a resolution changes no silence flag', () => {
    const { alert } = foldEvent(undefined, event(), context('2026-11-01T10:00:00Z', 's1'));
    foldEvent(alert, event({ status: 'resolved' }), context('2026-11-01T10:30:00Z', null));
    expect(alert).toMatchObject({ status: 'resolved', silencedBy: 's1', unsilencedAt: null });
  });
});
