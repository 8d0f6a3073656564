import { describe, expect, it } from '@jest/globals';
import { foldEvent, type FoldContext } from '../events/alert-folding.js';
import type { Integration } from '../integrations/integration.entity.js';
import {
  heartbeatAlertKey,
  heartbeatMissedEvent,
  heartbeatResolvedEvent,
} from './heartbeat-alert-events.js';

const integration = {
  id: '7d0c1a52-5a4e-4d0e-9f3a-2b1c0d9e8f7a',
  name: 'nightly backup',
  pluginId: 'prometheus',
  heartbeat: {
    enabled: true,
    intervalSeconds: 300,
    graceSeconds: 60,
    source: 'ping',
    conditions: [],
  },
  lastBeatAt: new Date('2026-12-01T09:54:00Z'),
} satisfies Pick<Integration, 'id' | 'name' | 'pluginId' | 'heartbeat' | 'lastBeatAt'>;

const missedAt = new Date('2026-12-01T10:00:00Z');

function context(receivedAt: string): FoldContext {
  return {
    channelId: 'channel-1',
    integrationId: integration.id,
    pluginId: 'prometheus',
    receivedAt: new Date(receivedAt),
    autoResolveAfterSeconds: 3600,
  };
}

describe('heartbeat alert events', () => {
  it('open a Critical alert keyed by the integration, named for it, started at the missed time', () => {
    const event = heartbeatMissedEvent(integration, missedAt);
    expect(event).toMatchObject({
      status: 'firing',
      severity: 'Critical',
      alertKey: `heartbeat:${integration.id}`,
      title: 'Heartbeat missed: nightly backup',
      description:
        'No beat from nightly backup since 2026-12-01T09:54:00.000Z (one is expected every ' +
        '300 s, at most 60 s late).',
      labels: { alertname: 'HeartbeatMissed', integration: 'nightly backup' },
      startsAt: missedAt,
      eventTime: missedAt,
      endsAt: null,
    });
    expect(heartbeatAlertKey(integration.id)).toBe(event.alertKey);
    const opened = foldEvent(undefined, event, context('2026-12-01T10:00:20Z'));
    expect(opened.alert).toMatchObject({ status: 'active', startsAt: missedAt });
  });

  it('are the same for the same miss, so a second store of it is a repeat', () => {
    const { alert } = foldEvent(
      undefined,
      heartbeatMissedEvent(integration, missedAt),
      context('2026-12-01T10:00:20Z'),
    );
    const again = foldEvent(
      alert,
      heartbeatMissedEvent({ ...integration, name: 'renamed meanwhile' }, missedAt),
      context('2026-12-01T10:03:00Z'),
    );
    expect(again.kind).toBe('repeat');
  });

  it('resolve the alert at the beat; a late copy of the miss does not reopen it', () => {
    const { alert } = foldEvent(
      undefined,
      heartbeatMissedEvent(integration, missedAt),
      context('2026-12-01T10:00:20Z'),
    );
    const beatAt = new Date('2026-12-01T10:07:00Z');
    const resolution = heartbeatResolvedEvent(integration, missedAt, { kind: 'beat', at: beatAt });
    expect(resolution).toMatchObject({
      status: 'resolved',
      eventStatus: 'Ok',
      alertKey: `heartbeat:${integration.id}`,
      title: 'Heartbeat missed: nightly backup',
      startsAt: missedAt,
      endsAt: beatAt,
    });
    const resolved = foldEvent(alert, resolution, context('2026-12-01T10:07:00Z'));
    expect(resolved.alert).toMatchObject({ status: 'resolved', resolvedAt: beatAt });
    const late = foldEvent(
      resolved.alert,
      heartbeatMissedEvent(integration, missedAt),
      context('2026-12-01T10:07:01Z'),
    );
    expect(late.alert).toBe(resolved.alert);
    expect(late.alert.status).toBe('resolved');
  });

  it('describe the heartbeat in their raw JSON, since no source sent one', () => {
    const switchedOff = heartbeatResolvedEvent({ ...integration, heartbeat: null }, missedAt, {
      kind: 'switched_off',
      at: new Date('2026-12-01T11:00:00Z'),
    });
    expect(switchedOff.description).toBe(
      'The heartbeat of nightly backup was switched off at 2026-12-01T11:00:00.000Z.',
    );
    expect(switchedOff.raw).toEqual({
      heartbeat: {
        state: 'switched_off',
        at: '2026-12-01T11:00:00.000Z',
        integrationId: integration.id,
        integrationName: 'nightly backup',
        pluginId: 'prometheus',
        source: null,
        intervalSeconds: null,
        graceSeconds: null,
        missedAt: '2026-12-01T10:00:00.000Z',
      },
    });
  });
});
