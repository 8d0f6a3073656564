import { describe, expect, it } from '@jest/globals';
import { normalizedEvent as event } from '../testing/normalized-event.js';
import { foldEvent } from './alert-folding.js';
import type { Alert } from './alert.entity.js';
import type { PushToStore } from './normalized-event.js';
import { WritePlan, alertsByIdentity } from './push-plan.js';

const receivedAt = new Date('2026-11-01T10:00:10Z');

function push(...alertKeys: string[]): PushToStore {
  return pushFrom('integration-1', ...alertKeys);
}

function pushFrom(integrationId: string, ...alertKeys: string[]): PushToStore {
  return {
    integrationId,
    pluginId: 'prometheus',
    requestId: 'request-1',
    receivedAt,
    autoResolveAfterSeconds: 60,
    events: alertKeys.map((alertKey) => ({
      event: event({ alertKey }),
      channelIds: ['channel-1'],
    })),
  };
}

/** An alert as loaded from the database: it has an id. */
function stored(alertKey: string, id: number, startsAt: string): Alert {
  const { alert } = foldEvent(undefined, event({ alertKey, startsAt: new Date(startsAt) }), {
    channelId: 'channel-1',
    integrationId: 'integration-1',
    pluginId: 'prometheus',
    receivedAt,
    autoResolveAfterSeconds: 60,
  });
  alert.id = id;
  return alert;
}

describe('WritePlan', () => {
  it('folds each event into its alert and sorts every alert into one write', () => {
    const folded = stored('folded', 1, '2026-11-01T09:00:00Z');
    const repeated = stored('repeated', 2, '2026-11-01T10:00:00Z');
    const plan = new WritePlan(alertsByIdentity([folded, repeated]));
    expect(plan.add(push('new', 'folded', 'repeated'))).toEqual({
      events: 3,
      stored: 2,
      deduplicated: 1,
      unrouted: 0,
      beats: 0,
    });

    const writes = plan.alertWrites();
    const keys = (alerts: Alert[]) => alerts.map((alert) => alert.alertKey);
    expect(keys(writes.opened)).toEqual(['new']);
    expect(keys(writes.changed)).toEqual(['folded']);
    expect(keys(writes.repeated)).toEqual(['repeated']);
    // A repeat stores no event, only counts; a folded event counts on its alert.
    expect(folded).toMatchObject({ id: 1, eventCount: 2, repeatCount: 0 });
    expect(repeated).toMatchObject({ id: 2, eventCount: 1, repeatCount: 1 });
    expect(plan.rows.map(({ row }) => [row.event.alertKey, row.channelId, row.alert])).toEqual([
      ['new', 'channel-1', writes.opened[0]],
      ['folded', 'channel-1', folded],
    ]);
    // Each event row holds its alert itself, not a copy: the id the insert gives a new alert is
    // the one its event is written with.
    const [opened] = writes.opened;
    if (opened === undefined) throw new Error('no alert was opened');
    opened.id = 3;
    expect(plan.rows[0]?.row.alert?.id).toBe(3);
  });

  it('opens one alert for the events of a new alert in one batch, and folds the later ones', () => {
    const plan = new WritePlan(alertsByIdentity([]));
    plan.add(push('new'));
    const later = {
      ...push(),
      receivedAt: new Date(receivedAt.getTime() + 1_000),
      events: [
        { event: event({ alertKey: 'new', status: 'resolved' }), channelIds: ['channel-1'] },
      ],
    };
    expect(plan.add(later)).toMatchObject({ stored: 1, deduplicated: 0 });
    const { opened, changed, repeated } = plan.alertWrites();
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ alertKey: 'new', status: 'resolved', eventCount: 2 });
    expect([...changed, ...repeated]).toEqual([]);
    expect(plan.rows).toHaveLength(2);
    for (const { row } of plan.rows) expect(row.alert).toBe(opened[0]);
  });

  it("does not fold an event into another integration's alert of the same key and channel", () => {
    const theirs = stored('shared-key', 1, '2026-11-01T10:00:00Z');
    const plan = new WritePlan(alertsByIdentity([theirs]));
    expect(plan.add(pushFrom('integration-2', 'shared-key'))).toMatchObject({
      stored: 1,
      deduplicated: 0,
    });
    const { opened, changed, repeated } = plan.alertWrites();
    expect(opened.map((alert) => alert.integrationId)).toEqual(['integration-2']);
    expect([...changed, ...repeated]).toEqual([]);
    expect(theirs).toMatchObject({ eventCount: 1, repeatCount: 0 });
  });

  it('writes an alert a push finds past its auto-resolve time before the one that replaces it', () => {
    const oneOff = event({ alertKey: 'one-off', neverResolves: true, startsAt: null });
    const { alert: due } = foldEvent(undefined, oneOff, {
      channelId: 'channel-1',
      integrationId: 'integration-1',
      pluginId: 'prometheus',
      receivedAt: new Date(receivedAt.getTime() - 61_000),
      autoResolveAfterSeconds: 60,
    });
    due.id = 1;
    const plan = new WritePlan(alertsByIdentity([due]));
    const later = { ...push(), events: [{ event: oneOff, channelIds: ['channel-1'] }] };
    expect(plan.add(later)).toMatchObject({ stored: 1, deduplicated: 0 });

    const { opened, changed, repeated } = plan.alertWrites();
    expect(changed).toEqual([due]);
    expect(due).toMatchObject({ status: 'resolved', resolvedAt: due.autoResolveAt });
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ alertKey: 'one-off', status: 'active' });
    expect(repeated).toEqual([]);
    expect(plan.rows.map(({ row }) => row.alert)).toEqual(opened);
  });

  it('writes whole an alert a sweep resolved before a repeat received in time was stored', () => {
    const oneOff = event({ alertKey: 'one-off', neverResolves: true, startsAt: null });
    const { alert: swept } = foldEvent(undefined, oneOff, {
      channelId: 'channel-1',
      integrationId: 'integration-1',
      pluginId: 'prometheus',
      receivedAt: new Date(receivedAt.getTime() - 30_000),
      autoResolveAfterSeconds: 60,
    });
    Object.assign(swept, { id: 1, status: 'resolved', resolvedAt: swept.autoResolveAt });
    const plan = new WritePlan(alertsByIdentity([swept]));
    const repeat = { ...push(), events: [{ event: oneOff, channelIds: ['channel-1'] }] };
    expect(plan.add(repeat)).toMatchObject({ stored: 0, deduplicated: 1 });
    expect(plan.alertWrites()).toEqual({ opened: [], changed: [swept], repeated: [] });
    expect(swept).toMatchObject({ status: 'active', resolvedAt: null });
  });

  it("stores an event without a title with its alert's title and description", () => {
    const firing = stored('untitled', 1, '2026-11-01T09:00:00Z');
    firing.description = 'at 95%';
    const described = stored('described', 2, '2026-11-01T09:00:00Z');
    const resolution = event({
      alertKey: 'untitled',
      status: 'resolved',
      title: 'Alert untitled',
      keepsAlertTitle: true,
      startsAt: null,
    });
    const never = event({ ...resolution, alertKey: 'never-seen' });
    const plan = new WritePlan(alertsByIdentity([firing, described]));
    plan.add({
      ...push(),
      events: [
        { event: resolution, channelIds: ['channel-1'] },
        {
          event: { ...resolution, alertKey: 'described', description: 'cleared by hand' },
          channelIds: ['channel-1'],
        },
        { event: never, channelIds: ['channel-1'] },
        { event: never, channelIds: [] },
      ],
    });
    const shown = plan.rows.map(({ row }) => [row.event.title, row.event.description]);
    expect(shown).toEqual([
      ['Disk almost full', 'at 95%'],
      ['Disk almost full', 'cleared by hand'],
      // An alert never seen, and an event no channel took, have nothing to keep.
      ['Alert untitled', null],
      ['Alert untitled', null],
    ]);
    expect(firing).toMatchObject({ status: 'resolved', title: 'Disk almost full' });
    expect(resolution.title).toBe('Alert untitled');
  });
});
