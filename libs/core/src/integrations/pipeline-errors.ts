import { BY_ID_ERRORS } from '../openapi/api-docs.decorators.js';

/** 400 of a pipeline the checks refuse. */
export const INVALID_PIPELINE =
  `${BY_ID_ERRORS[400]}; steps with an unknown kind, a part their kind does not take, an unknown ` +
  'field, a template outside the grammar, or a pattern that does not compile in RE2';
