import { describe, expect, it } from '@jest/globals';
import { createBodyOf, newSubscriptionDraft, updateBodyOf } from './subscription-draft';

describe('a subscription as its form holds it', () => {
  it('creates a webhook with its secret and headers, and the kind’s default rate', () => {
    const body = createBodyOf({
      ...newSubscriptionDraft(),
      name: 'on-call',
      url: 'https://receiver.test/hook',
      secret: 's3cret',
      headers: { Authorization: 'Bearer x' },
    });
    expect(body).toEqual({
      name: 'on-call',
      kind: 'webhook',
      url: 'https://receiver.test/hook',
      secret: 's3cret',
      headers: { Authorization: 'Bearer x' },
      transitions: ['alert.triggered', 'alert.resolved'],
      filter: [],
      template: null,
      concurrency: 4,
    });
  });

  it('sends no secret or headers for a kind that takes none', () => {
    const body = createBodyOf({
      ...newSubscriptionDraft(),
      kind: 'wecom',
      secret: 'typed before the kind changed',
      headers: { a: 'b' },
    });
    expect(body).not.toHaveProperty('secret');
    expect(body).not.toHaveProperty('headers');
  });

  it('keeps what a change leaves empty, and removes a secret only when asked', () => {
    const draft = { ...newSubscriptionDraft(), kind: 'dingtalk' as const, name: 'db' };
    const kept = updateBodyOf(draft, 3);
    expect(kept).toMatchObject({ name: 'db', version: 3 });
    expect(kept).not.toHaveProperty('url');
    expect(kept).not.toHaveProperty('secret');
    expect(updateBodyOf({ ...draft, removeSecret: true }, 3)).toMatchObject({ secret: null });
    expect(
      updateBodyOf({ ...draft, ownTemplate: true, templateTitle: 't', templateBody: 'b' }, 3),
    ).toMatchObject({ template: { title: 't', body: 'b' } });
  });
});
