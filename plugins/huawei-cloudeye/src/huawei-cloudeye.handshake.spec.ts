import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catchPayloadError, fixtureParseContext } from '@alert-hub/plugin-sdk/testing';
import { smnSubscriptionHandshake } from './huawei-cloudeye.handshake.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
}

function handshake(body: unknown) {
  return smnSubscriptionHandshake(body, fixtureParseContext());
}

const CN_NORTH_4 = 'subscription-confirmation-cn-north-4.json';

describe('smnSubscriptionHandshake', () => {
  it('confirms a subscription by its subscribe_url, once per message_id', () => {
    const confirmation = fixture(CN_NORTH_4);
    expect(handshake(confirmation)).toEqual({
      confirmUrl: confirmation.subscribe_url,
      messageId: '242fac183d3a4936b5ead6c725a32ed0',
      description:
        'SMN subscription to urn:smn:cn-north-4:477a784601d744e4ab9ab83986502d31:CES_notification_group_bngJ2aMpX',
    });
    expect(handshake(fixture('subscription-confirmation-sa-brazil-1.json'))).toEqual({
      confirmUrl: expect.stringMatching(
        /^https:\/\/sa-brazil-1-console\.huaweicloud\.com\/smn\/subscription\/confirm\?token=/,
      ),
      messageId: '5bc5cf7e988249e991446a2a2c6a1be6',
      description:
        'SMN subscription to urn:smn:sa-brazil-1:bd4140f92d7941cdb34be53d74e37ac5:alarm-testing',
    });
  });

  it('reads a confirmation sent as text', () => {
    const confirmation = fixture(CN_NORTH_4);
    expect(handshake(JSON.stringify(confirmation))?.confirmUrl).toBe(confirmation.subscribe_url);
  });

  it('is no handshake for a notification or an unsubscribe notice', () => {
    expect(handshake(fixture('notification-alarm-sa-brazil-1.json'))).toBeUndefined();
    // Its subscribe_url would subscribe again: that is the admin's decision, not Alert Hub's.
    expect(handshake(fixture('unsubscribe-confirmation-doc-sample.json'))).toBeUndefined();
  });

  it('refuses a subscribe_url that is not an HTTPS confirmation URL', () => {
    for (const subscribeUrl of [
      'http://console.huaweicloud.com/smn/subscription/confirm?token=1',
      'https://console.huaweicloud.com/smn/subscription/unsubscribe?token=1',
      'confirm me',
    ]) {
      const error = catchPayloadError(() =>
        handshake({ ...fixture(CN_NORTH_4), subscribe_url: subscribeUrl }),
      );
      expect(error.path).toBe('$.subscribe_url');
    }
  });

  it('refuses a confirmation without subscribe_url or message_id', () => {
    const { subscribe_url: _url, ...noUrl } = fixture(CN_NORTH_4);
    const { message_id: _id, ...noId } = fixture(CN_NORTH_4);
    expect(catchPayloadError(() => handshake(noUrl)).message).toBe(
      '$.subscribe_url: is required (a string)',
    );
    expect(catchPayloadError(() => handshake(noId)).path).toBe('$.message_id');
  });
});
