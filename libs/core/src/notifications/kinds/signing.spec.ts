import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import type { OutgoingMessage } from './destination-kind.js';
import { DINGTALK_KIND, dingtalkSign } from './dingtalk.kind.js';
import { FEISHU_KIND, feishuSign } from './feishu.kind.js';
import { WEBHOOK_KIND, webhookSignature } from './webhook.kind.js';

const NOW = new Date('2026-11-01T10:00:00.123Z');
const MESSAGE: OutgoingMessage = { type: 'test', title: 'T', text: 'hello', notifications: [] };

/**
 * Each vendor's signing against values computed here, step by step as its documentation puts
 * it, rather than by the code under test.
 */
describe('signing', () => {
  it('signs a webhook body with HMAC-SHA256 of "<timestamp>.<body>", hex', () => {
    const body = Buffer.from('{"a":1}');
    const expected = createHmac('sha256', 'k'.repeat(16))
      .update('1793527200.{"a":1}')
      .digest('hex');
    expect(webhookSignature('k'.repeat(16), 1_793_527_200, body)).toBe(`sha256=${expected}`);
    // A known vector: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
    expect(
      createHmac('sha256', 'key')
        .update('The quick brown fox jumps over the lazy dog')
        .digest('hex'),
    ).toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  });

  it('puts the timestamp and the signature of the exact body sent in the headers', () => {
    const request = WEBHOOK_KIND.request(
      MESSAGE,
      { url: 'https://r.test/h', secret: 's'.repeat(16), headers: { 'X-Team': 'db' } },
      NOW,
    );
    const timestamp = request.headers['x-alert-hub-timestamp'];
    expect(timestamp).toBe('1793527200');
    const expected = createHmac('sha256', 's'.repeat(16))
      .update(Buffer.concat([Buffer.from(`${timestamp}.`), request.body]))
      .digest('hex');
    expect(request.headers['x-alert-hub-signature']).toBe(`sha256=${expected}`);
    expect(request.headers['X-Team']).toBe('db');
  });

  it("signs for DingTalk: base64 HMAC-SHA256 keyed with the secret over '<ms>\\n<secret>', in the query", () => {
    const secret = 'SECabc';
    const expected = createHmac('sha256', secret)
      .update(`${NOW.getTime()}\n${secret}`)
      .digest('base64');
    expect(dingtalkSign(secret, NOW.getTime())).toBe(expected);
    const request = DINGTALK_KIND.request(
      MESSAGE,
      { url: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret, headers: {} },
      NOW,
    );
    const url = new URL(request.url);
    expect(url.searchParams.get('access_token')).toBe('t');
    expect(url.searchParams.get('timestamp')).toBe(String(NOW.getTime()));
    expect(url.searchParams.get('sign')).toBe(expected);
    // Base64's + and / and = are percent-encoded in the URL as sent.
    expect(request.url).not.toMatch(/sign=[^&]*[+/=]/);
  });

  it("signs for Feishu: base64 HMAC-SHA256 keyed with '<s>\\n<secret>' over nothing, in the body", () => {
    const secret = 'feishu';
    const seconds = Math.floor(NOW.getTime() / 1000);
    const expected = createHmac('sha256', `${seconds}\n${secret}`)
      .update(Buffer.alloc(0))
      .digest('base64');
    expect(feishuSign(secret, seconds)).toBe(expected);
    const request = FEISHU_KIND.request(
      MESSAGE,
      { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/x', secret, headers: {} },
      NOW,
    );
    expect(JSON.parse(request.body.toString('utf8'))).toMatchObject({
      timestamp: String(seconds),
      sign: expected,
      msg_type: 'text',
    });
  });

  it('sends no signature when an IM bot has signing off', () => {
    const request = DINGTALK_KIND.request(
      MESSAGE,
      { url: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret: null, headers: {} },
      NOW,
    );
    expect(new URL(request.url).searchParams.has('sign')).toBe(false);
  });
});
