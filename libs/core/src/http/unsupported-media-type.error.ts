import { ApiError } from '../common/api-error.js';

/** How much of a refused `Content-Type` the answer repeats: the header is the sender's text. */
const QUOTED_TYPE_LENGTH = 100;

/** A body sent as a media type the route does not read: `details.accepted` lists those it does. */
export class UnsupportedMediaTypeError extends ApiError {
  constructor(given: string | undefined, accepted: readonly string[]) {
    const sent =
      given === undefined
        ? 'a body without a Content-Type'
        : `a body sent as ${given.slice(0, QUOTED_TYPE_LENGTH)}`;
    super(
      415,
      'InvalidContentType',
      `${sent} is not accepted here; send it as ${accepted.join(' or ')}`,
      { accepted },
    );
  }
}
