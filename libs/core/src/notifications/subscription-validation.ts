import { InvalidParameterError } from '../common/api-error.js';
import { parseConditions, type ConditionInput } from '../routing/route-set-validation.js';
import type { RouteCondition } from '../routing/route-set.js';
import { SUBSCRIPTION_LIMITS } from './dto/create-subscription.dto.js';
import type { DestinationKind } from './kinds/destination-kind.js';
import { templateProblems, type NotificationTemplate } from './notification-template.js';

/** What a subscription's destination fields must be, checked together; see `assertDestination`. */
export interface DestinationInput {
  url: string;
  secret: string | null;
  headers: Record<string, unknown> | null;
  filter: readonly ConditionInput[] | null;
  template: NotificationTemplate | null;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
/** Headers the delivery sets itself: a subscription cannot replace them. */
const RESERVED_HEADER =
  /^(host|content-type|content-length|connection|transfer-encoding|x-alert-hub-.*)$/i;

function urlProblems(text: string, kind: DestinationKind): string[] {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return ['url: not a URL'];
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return ['url: must be https:// (or http://)'];
  if (url.username !== '' || url.password !== '')
    return ['url: must not hold a user name or password'];
  const problem = kind.urlProblem(url);
  return problem === undefined ? [] : [`url: ${problem}`];
}

function headerProblems(headers: Record<string, unknown>, kind: DestinationKind): string[] {
  const names = Object.keys(headers);
  if (names.length === 0) return [];
  if (!kind.takesHeaders) return [`headers: a ${kind.id} subscription sends no custom headers`];
  const problems: string[] = [];
  if (names.length > SUBSCRIPTION_LIMITS.headers) {
    problems.push(`headers: at most ${SUBSCRIPTION_LIMITS.headers}`);
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) problems.push(`headers: "${name}" is not a header name`);
    else if (RESERVED_HEADER.test(name))
      problems.push(`headers: ${name} is set by Alert Hub itself`);
    if (typeof value !== 'string' || value.length > 2000 || /[\r\n\0]/.test(value)) {
      problems.push(`headers.${name}: must be text of at most 2000 characters on one line`);
    }
  }
  return problems;
}

function secretProblems(secret: string | null, kind: DestinationKind): string[] {
  if (kind.secret === 'none' && secret !== null)
    return [`secret: a ${kind.id} subscription takes none`];
  if (kind.secret === 'required' && secret === null)
    return [`secret: a ${kind.id} subscription needs one`];
  if (kind.id === 'webhook' && secret !== null && secret.length < 16) {
    return ['secret: at least 16 characters, to be a key worth the name'];
  }
  return [];
}

/**
 * Checks a subscription's destination as a whole against its kind and returns the filter in its
 * typed form; throws a 400 naming every problem.
 */
export function assertDestination(
  input: DestinationInput,
  kind: DestinationKind,
): RouteCondition[] {
  const problems = [
    ...urlProblems(input.url, kind),
    ...secretProblems(input.secret, kind),
    ...headerProblems(input.headers ?? {}, kind),
  ];
  if (input.template !== null) {
    problems.push(
      ...templateProblems(input.template.title, 'template.title'),
      ...templateProblems(input.template.body, 'template.body'),
    );
  }
  const filter = parseConditions(input.filter ?? [], 'filter', problems);
  if (problems.length > 0) {
    throw new InvalidParameterError(`subscription: ${problems.join('; ')}`, problems);
  }
  return filter;
}
