import { describe, expect, it } from '@jest/globals';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import { appWithIntegration } from './support/app-with-integration.js';
import { rowCounts } from './support/row-counts.js';

/** Compressed push bodies: read when gzip, deflate or br, bounded once decompressed. */
describe('Content-Encoding of push bodies', () => {
  const suite = appWithIntegration({ env: { MAX_BODY_BYTES: '65536' } });

  function pushEncoded(body: Buffer, encoding: string) {
    return suite.t.http
      .post('/webhooks/prometheus')
      .query({ integration_key: suite.integration.integrationKey })
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', encoding)
      .serialize((data: unknown) => data as string)
      .send(body as unknown as string);
  }

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('stores a push sent with Content-Encoding: %s', async (encoding, compress) => {
    const fingerprint = `encoded-${encoding}`;
    const body = Buffer.from(JSON.stringify(alertmanagerPush({ fingerprint })));
    const response = await pushEncoded(compress(body), encoding);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ events: 1, stored: 1 });
    const events = await suite.t.admin.get('/api/v1/events').query({ alertKey: fingerprint });
    expect(events.body.data).toHaveLength(1);
  });

  it('refuses a body that inflates past MAX_BODY_BYTES with 413, storing nothing', async () => {
    const before = await rowCounts(suite.t, suite.integration.id);
    // 20 MB of one character: about 20 KB compressed, under the limit as sent.
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(65536 * 2);
    const response = await pushEncoded(bomb, 'gzip');
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PayloadTooLarge');
    expect(await rowCounts(suite.t, suite.integration.id)).toEqual(before);
  }, 30_000);

  it('refuses a body that is not what its encoding says with 400', async () => {
    const response = await pushEncoded(Buffer.from('{"alerts": []}'), 'gzip');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'InvalidPayload',
      message: 'the body is not valid gzip data',
    });
  });

  it('refuses an encoding it cannot read with 415, naming those it can', async () => {
    const body = Buffer.from(JSON.stringify(alertmanagerPush({ fingerprint: 'zstd' })));
    const response = await pushEncoded(body, 'zstd');
    expect(response.status).toBe(415);
    expect(response.body.error).toMatchObject({
      code: 'InvalidContentType',
      details: { acceptedEncodings: ['gzip', 'deflate', 'br'] },
    });
  });
});
