import { describe, expect, it } from '@jest/globals';
import { draftOf, localInputOf, newSilenceDraft, ruleOf, silenceBodyOf } from './silence-draft';

describe('a silence as its form holds it', () => {
  it('sends a once schedule in ISO time and a missing expiry as null', () => {
    const draft = {
      ...newSilenceDraft(),
      reason: 'deploy',
      start: localInputOf('2026-12-06T10:00:00.000Z'),
      end: localInputOf('2026-12-06T12:00:00.000Z'),
    };
    expect(silenceBodyOf(draft)).toEqual({
      reason: 'deploy',
      mode: 'mark',
      conditions: [],
      scope: { type: 'all' },
      schedule: {
        type: 'once',
        start: '2026-12-06T10:00:00.000Z',
        end: '2026-12-06T12:00:00.000Z',
      },
      expiresAt: null,
    });
  });

  it('sends a weekly schedule with its zone, and only the scope’s own id', () => {
    const draft = {
      ...newSilenceDraft(),
      scopeType: 'channel' as const,
      channelId: 'c-1',
      integrationId: 'left over',
      scheduleType: 'weekly' as const,
      timezone: 'Europe/Berlin',
      lastDate: '2026-12-31',
    };
    expect(ruleOf(draft)).toMatchObject({
      scope: { type: 'channel', channelId: 'c-1' },
      schedule: {
        type: 'weekly',
        timezone: 'Europe/Berlin',
        windows: [{ days: ['sat'], start: '22:00', end: '02:00' }],
        lastDate: '2026-12-31',
      },
    });
  });

  it('reads a saved silence back into the same body', () => {
    const body = silenceBodyOf({ ...newSilenceDraft(), reason: 'r' });
    const view = {
      ...body,
      id: 's',
      createdBy: 'console session',
      expiresAt: null,
      endsAt: null,
      lastMatchedAt: null,
      version: 1,
      createdAt: '',
      updatedAt: '',
      active: true,
      unused: false,
      expiresSoon: false,
    };
    expect(silenceBodyOf(draftOf(view))).toEqual(body);
  });
});
