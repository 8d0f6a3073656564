import { errorCodes, type FastifyRequest } from 'fastify';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { ApiError } from '../common/api-error.js';

const DECODERS: Record<string, () => Transform> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

/** The `Content-Encoding`s a body may be sent in, besides none (`identity`). */
export const BODY_ENCODINGS = ['gzip', 'deflate', 'br'];

export class UnsupportedEncodingError extends ApiError {
  constructor(encoding: string) {
    super(
      415,
      'InvalidContentType',
      `Content-Encoding "${encoding.slice(0, 40)}" is not accepted; send the body as it is, or in one of ${BODY_ENCODINGS.join(', ')}`,
      { acceptedEncodings: BODY_ENCODINGS },
    );
  }
}

/**
 * The decompressed body, ending at the limit. Fastify compares its `receivedEncodedLength`, the
 * bytes that arrived, with Content-Length.
 */
class DecodedBody extends Transform {
  receivedEncodedLength = 0;
  private decodedLength = 0;

  constructor(private readonly limitBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.decodedLength += chunk.length;
    if (this.decodedLength > this.limitBytes) callback(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
    else callback(null, chunk);
  }
}

/**
 * Decompresses `encoded` through `decoder`, and stops (413) once the decompressed body passes
 * `limitBytes`: a small compressed body must not inflate into gigabytes of memory or CPU time.
 * When decoding stops early, the rest of `encoded` is left unread for the early-answer drain.
 */
function boundedDecoding(
  encoded: Readable,
  decoder: Transform,
  encoding: string,
  limitBytes: number,
): DecodedBody {
  const decoded = new DecodedBody(limitBytes);
  encoded.on('data', (chunk: Buffer) => {
    decoded.receivedEncodedLength += chunk.length;
  });
  decoder.on('error', () => {
    decoded.destroy(new ApiError(400, 'InvalidPayload', `the body is not valid ${encoding} data`));
  });
  decoded.on('close', () => {
    encoded.unpipe(decoder);
    decoder.destroy();
  });
  encoded.pipe(decoder).pipe(decoded);
  return decoded;
}

/**
 * Fastify `preParsing` hook: a body sent with `Content-Encoding: gzip`, `deflate` or `br` is
 * decompressed, bounded by `limitBytes` (MAX_BODY_BYTES) once decompressed; any other encoding
 * is refused with 415 before the body is read.
 */
export function bodyDecoding(limitBytes: number) {
  return (
    request: FastifyRequest,
    _reply: unknown,
    payload: Readable,
    done: (error: Error | null, payload?: Readable) => void,
  ): void => {
    const given = request.headers['content-encoding'];
    const encoding = typeof given === 'string' ? given.trim().toLowerCase() : '';
    if (encoding === '' || encoding === 'identity') return done(null, payload);
    const createDecoder = DECODERS[encoding];
    if (createDecoder === undefined) return done(new UnsupportedEncodingError(encoding));
    done(null, boundedDecoding(payload, createDecoder(), encoding, limitBytes));
  };
}
