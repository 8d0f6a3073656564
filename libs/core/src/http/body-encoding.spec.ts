import { describe, expect, it } from '@jest/globals';
import type { FastifyRequest } from 'fastify';
import { PassThrough, type Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { bodyDecoding } from './body-encoding.js';

const LIMIT = 1024;

/** Runs the hook over `body` sent with `encoding`; resolves with the bytes read, or the error. */
async function decode(body: Buffer, encoding?: string): Promise<Buffer | Error> {
  const sent = new PassThrough();
  const request = { headers: { 'content-encoding': encoding } } as unknown as FastifyRequest;
  const payload = await new Promise<Readable>((resolve, reject) => {
    bodyDecoding(LIMIT)(request, undefined, sent, (error, decoded) =>
      error || !decoded ? reject(error ?? new Error('no payload')) : resolve(decoded),
    );
  }).catch((error: Error) => error);
  if (payload instanceof Error) return payload;
  sent.end(body);
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    payload.on('data', (chunk: Buffer) => chunks.push(chunk));
    payload.on('end', () => resolve(Buffer.concat(chunks)));
    payload.on('error', resolve);
  });
}

describe('bodyDecoding', () => {
  it('passes a body without an encoding, or identity, through as it is', async () => {
    expect(String(await decode(Buffer.from('{}')))).toBe('{}');
    expect(String(await decode(Buffer.from('{}'), 'identity'))).toBe('{}');
  });

  it('decompresses gzip, and counts the bytes that arrived for the Content-Length check', async () => {
    const sent = new PassThrough();
    const request = { headers: { 'content-encoding': 'GZIP' } } as unknown as FastifyRequest;
    let decoded: (Readable & { receivedEncodedLength?: number }) | undefined;
    bodyDecoding(LIMIT)(request, undefined, sent, (_error, payload) => {
      decoded = payload;
    });
    const compressed = gzipSync(Buffer.from('{"alerts": []}'));
    sent.end(compressed);
    const text = await new Promise<string>((resolve) => {
      let read = '';
      decoded?.on('data', (chunk: Buffer) => (read += chunk.toString()));
      decoded?.on('end', () => resolve(read));
    });
    expect(text).toBe('{"alerts": []}');
    expect(decoded?.receivedEncodedLength).toBe(compressed.length);
  });

  it('stops with 413 once the decompressed body passes the limit', async () => {
    const error = await decode(gzipSync(Buffer.alloc(LIMIT * 100, 0x20)), 'gzip');
    expect(error).toMatchObject({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
  });

  it('refuses a body that is not what its encoding says (400) and an unknown encoding (415)', async () => {
    expect(await decode(Buffer.from('not gzip'), 'gzip')).toMatchObject({
      status: 400,
      code: 'InvalidPayload',
    });
    expect(await decode(Buffer.from('{}'), 'zstd')).toMatchObject({
      status: 415,
      code: 'InvalidContentType',
    });
  });
});
