import { ERRORS } from '../openapi/api-docs.decorators.js';

/** Errors of every route that reads or changes the routes of an integration. */
export const ROUTES_ERRORS = {
  400: `${ERRORS.invalid}; also a private integration: routes apply to shared ones`,
  404: ERRORS.notFound,
};

/** 400 as ROUTES_ERRORS, and rules the checks refuse. */
export const INVALID_ROUTES =
  `${ROUTES_ERRORS[400]}; rules with an unknown field or operator, a value the operator does ` +
  'not take, a pattern that does not compile, or an unknown channel';
