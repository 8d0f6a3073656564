import { describe, expect, it } from '@jest/globals';
import { DINGTALK_KIND } from './dingtalk.kind.js';
import { FEISHU_KIND } from './feishu.kind.js';
import { SLACK_KIND } from './slack.kind.js';
import { WECOM_KIND } from './wecom.kind.js';
import { retryAfterMs } from './answer-verdicts.js';

const answer = (status: number, body: unknown, retryAfter?: string) => ({
  status,
  retryAfter,
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});

describe('answer verdicts', () => {
  it('reads IM error codes in a 200, and their rate-limit codes as rate limiting', () => {
    expect(DINGTALK_KIND.verdict(answer(200, { errcode: 0, errmsg: 'ok' }))).toEqual({
      outcome: 'delivered',
    });
    expect(
      DINGTALK_KIND.verdict(answer(200, { errcode: 130101, errmsg: 'send too fast' })),
    ).toEqual({
      outcome: 'rate_limited',
      reason: 'errcode 130101: send too fast',
      retryAfterMs: undefined,
    });
    expect(
      DINGTALK_KIND.verdict(answer(200, { errcode: 310000, errmsg: 'sign not match' })),
    ).toEqual({
      outcome: 'failed',
      reason: 'errcode 310000: sign not match',
    });
    expect(
      FEISHU_KIND.verdict(answer(200, { code: 11232, msg: 'frequency limited' })).outcome,
    ).toBe('rate_limited');
    expect(FEISHU_KIND.verdict(answer(200, { code: 0, msg: 'success' })).outcome).toBe('delivered');
    expect(
      WECOM_KIND.verdict(answer(200, { errcode: 45009, errmsg: 'api freq out of limit' })).outcome,
    ).toBe('rate_limited');
    expect(WECOM_KIND.verdict(answer(200, 'not json')).outcome).toBe('failed');
  });

  it('takes a 429 as rate limiting with its Retry-After, any other non-2xx as a failure', () => {
    expect(SLACK_KIND.verdict(answer(429, 'rate_limited', '30'))).toEqual({
      outcome: 'rate_limited',
      reason: 'answered 429: rate_limited',
      retryAfterMs: 30_000,
    });
    expect(SLACK_KIND.verdict(answer(404, 'no_service'))).toEqual({
      outcome: 'failed',
      reason: 'answered 404: no_service',
    });
    expect(SLACK_KIND.verdict(answer(200, 'ok'))).toEqual({ outcome: 'delivered' });
    expect(retryAfterMs('Sun, 01 Nov 2026 10:00:30 GMT', Date.parse('2026-11-01T10:00:00Z'))).toBe(
      30_000,
    );
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
