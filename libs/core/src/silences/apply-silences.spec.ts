import { describe, expect, it } from '@jest/globals';
import type { RoutedEvent } from '../events/normalized-event.js';
import { normalizedEvent } from '../testing/normalized-event.js';
import { applySilences } from './apply-silences.js';
import { compileSilence, SilenceIndex } from './compiled-silence.js';
import type { SilenceDefinition } from './silence.js';

const NOW = Date.parse('2026-11-01T10:00:00Z');
const ALWAYS = {
  type: 'once',
  start: '2026-01-01T00:00:00Z',
  end: '2027-01-01T00:00:00Z',
} as const;

function silence(id: string, overrides: Partial<SilenceDefinition> = {}) {
  return compileSilence({
    id,
    reason: `reason of ${id}`,
    conditions: [{ field: 'labels.team', operator: 'equals', value: 'db' }],
    scope: { type: 'all' },
    schedule: ALWAYS,
    mode: 'mark',
    expiresAt: null,
    ...overrides,
  });
}

function push(index: SilenceIndex, events: RoutedEvent[], integrationId = 'int-1') {
  return applySilences(index.forPush(integrationId, NOW), events);
}

const db = (channelIds: string[] = ['ch-1']): RoutedEvent => ({
  event: normalizedEvent({ labels: { team: 'db' } }),
  channelIds,
});
const web = (): RoutedEvent => ({
  event: normalizedEvent({ labels: { team: 'web' } }),
  channelIds: ['ch-1'],
});

describe('applySilences', () => {
  it('marks the copies of matching firing events and leaves the others as they were', () => {
    const other = web();
    const result = push(new SilenceIndex([silence('s1')]), [db(), other]);
    expect(result.events).toEqual([
      { event: db().event, channelIds: ['ch-1'], silences: new Map([['ch-1', 's1']]) },
      other,
    ]);
    expect(result.events[1]).toBe(other);
    expect(result.counts).toEqual({ marked: 1, dropped: 0 });
  });

  it('lets a resolution pass, even one a drop silence matches', () => {
    const resolved = {
      ...db(),
      event: normalizedEvent({ status: 'resolved', labels: { team: 'db' } }),
    };
    const result = push(new SilenceIndex([silence('s1', { mode: 'drop' })]), [resolved]);
    expect(result.events).toEqual([resolved]);
    expect(result.counts).toEqual({ marked: 0, dropped: 0 });
  });

  it('drops an event whole, not even stored as unrouted, and says which silence did', () => {
    const drop = silence('s1', { mode: 'drop' });
    const result = push(new SilenceIndex([drop]), [db(['ch-1', 'ch-2']), { ...db([]) }]);
    expect(result.events).toEqual([]);
    expect(result.counts).toEqual({ marked: 0, dropped: 3 });
    expect(result.matched.get(drop)).toEqual({ dropped: 3 });
  });

  it('prefers a matching drop silence to a mark one', () => {
    const result = push(new SilenceIndex([silence('mark'), silence('drop', { mode: 'drop' })]), [
      db(),
    ]);
    expect(result.events).toEqual([]);
  });

  it('takes only the copy of a channel-scoped silence', () => {
    const index = new SilenceIndex([
      silence('ch2', { scope: { type: 'channel', channelId: 'ch-2' }, mode: 'drop' }),
      silence('ch3', { scope: { type: 'channel', channelId: 'ch-3' } }),
    ]);
    const result = push(index, [db(['ch-1', 'ch-2', 'ch-3'])]);
    expect(result.events).toEqual([
      { event: db().event, channelIds: ['ch-1', 'ch-3'], silences: new Map([['ch-3', 'ch3']]) },
    ]);
    expect(result.counts).toEqual({ marked: 1, dropped: 1 });
  });

  it("applies an integration's silence to that integration's pushes only", () => {
    const index = new SilenceIndex([
      silence('s1', { scope: { type: 'integration', integrationId: 'int-1' } }),
    ]);
    expect(push(index, [db()], 'int-1').counts.marked).toBe(1);
    expect(push(index, [db()], 'int-2').counts.marked).toBe(0);
  });

  it('marks the one copy of an unrouted event', () => {
    const result = push(new SilenceIndex([silence('s1')]), [db([])]);
    expect(result.events).toEqual([
      { event: db().event, channelIds: [], silences: new Map([[null, 's1']]) },
    ]);
  });

  it('takes nothing outside the schedule or after the expiry', () => {
    const index = new SilenceIndex([
      silence('later', {
        schedule: { type: 'once', start: '2026-11-02T00:00:00Z', end: '2026-11-03T00:00:00Z' },
      }),
      silence('expired', { expiresAt: new Date(NOW) }),
    ]);
    expect(index.forPush('int-1', NOW)).toBeNull();
    expect(push(index, [db()]).counts).toEqual({ marked: 0, dropped: 0 });
  });

  it('tests every condition, in the routing grammar', () => {
    const index = new SilenceIndex([
      silence('s1', {
        conditions: [
          { field: 'labels.team', operator: 'equals', value: 'db' },
          { field: 'severity', operator: 'in', values: ['Critical'] },
          { field: 'title', operator: 'regex', value: '^Disk' },
        ],
      }),
    ]);
    const critical = {
      event: normalizedEvent({ labels: { team: 'db' }, severity: 'Critical' }),
      channelIds: ['ch-1'],
    };
    expect(push(index, [critical]).counts.marked).toBe(1);
    expect(push(index, [db()]).counts.marked).toBe(0);
  });
});

describe('SilenceIndex.forAlert', () => {
  const alert = {
    integrationId: 'int-1',
    channelId: 'ch-1',
    labels: { team: 'db' },
    title: 'Disk almost full',
    description: null,
    severity: 'Warning' as const,
    status: 'firing' as const,
  };

  it('keeps the silence that holds the alert while it is in force and matches', () => {
    const index = new SilenceIndex([silence('other'), silence('own')]);
    expect(index.forAlert(alert, NOW, 'own')?.id).toBe('own');
  });

  it('moves the alert to another silence in force when its own has ended', () => {
    const index = new SilenceIndex([
      silence('own', { expiresAt: new Date(NOW - 1) }),
      silence('other', { scope: { type: 'channel', channelId: 'ch-1' } }),
    ]);
    expect(index.forAlert(alert, NOW, 'own')?.id).toBe('other');
  });

  it('finds none when no silence in force matches: the alert becomes visible', () => {
    const index = new SilenceIndex([
      silence('own', { expiresAt: new Date(NOW - 1) }),
      silence('elsewhere', { scope: { type: 'channel', channelId: 'ch-9' } }),
    ]);
    expect(index.forAlert(alert, NOW, 'own')).toBeUndefined();
    expect(new SilenceIndex([]).forAlert(alert, NOW, 'gone')).toBeUndefined();
  });
});
