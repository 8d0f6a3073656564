import { describe, expect, it } from '@jest/globals';
import type { Silence } from './silence.entity.js';
import { silenceView } from './silence.view.js';

const NOW = new Date('2026-11-10T12:00:00Z');
const DAY = 86_400_000;

function stored(overrides: Partial<Silence> = {}): Silence {
  return {
    id: 'silence-1',
    reason: 'maintenance',
    conditions: [],
    scopeType: 'all',
    scopeId: null,
    schedule: { type: 'weekly', timezone: 'UTC', windows: [], lastDate: null },
    mode: 'mark',
    createdBy: 'admin token',
    expiresAt: null,
    endsAt: null,
    lastMatchedAt: null,
    version: 1,
    createdAt: new Date(NOW.getTime() - 30 * DAY),
    updatedAt: NOW,
    ...overrides,
  };
}

describe('silenceView', () => {
  it('flags an active silence that matched nothing for 7 days, or never since created', () => {
    expect(silenceView(stored(), NOW).unused).toBe(true);
    expect(
      silenceView(stored({ lastMatchedAt: new Date(NOW.getTime() - 8 * DAY) }), NOW).unused,
    ).toBe(true);
    expect(
      silenceView(stored({ lastMatchedAt: new Date(NOW.getTime() - 6 * DAY) }), NOW).unused,
    ).toBe(false);
    expect(silenceView(stored({ createdAt: new Date(NOW.getTime() - DAY) }), NOW).unused).toBe(
      false,
    );
  });

  it('flags one that ends within a day; an ended one is neither', () => {
    const soon = stored({ endsAt: new Date(NOW.getTime() + DAY - 1) });
    expect(silenceView(soon, NOW)).toMatchObject({ active: true, expiresSoon: true });
    expect(
      silenceView(stored({ endsAt: new Date(NOW.getTime() + 2 * DAY) }), NOW).expiresSoon,
    ).toBe(false);
    const ended = stored({ endsAt: new Date(NOW.getTime() - 1) });
    expect(silenceView(ended, NOW)).toMatchObject({
      active: false,
      unused: false,
      expiresSoon: false,
    });
  });

  it('shows the scope as the API takes it', () => {
    const view = silenceView(stored({ scopeType: 'channel', scopeId: 'ch-1' }), NOW);
    expect(view.scope).toEqual({ type: 'channel', channelId: 'ch-1' });
  });
});
