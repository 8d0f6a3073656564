import createClient from 'openapi-fetch';
import type { components, paths } from './openapi';

export type Schemas = components['schemas'];

/**
 * Sent with every request: with the session cookie, the server refuses a request that changes
 * something without it (a page of another site cannot add a header to the requests it makes).
 */
const CONSOLE_REQUEST_HEADER = 'x-alert-hub-console';

let signedOut: () => void = () => undefined;

/** What to do when the API says the session has ended: the app goes to the sign-in page. */
export function onSignedOut(handler: () => void): void {
  signedOut = handler;
}

/** The admin API, typed from the server's own OpenAPI document (generated at build time). */
export const api = createClient<paths>({ headers: { [CONSOLE_REQUEST_HEADER]: '1' } });

api.use({
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.endsWith('/session')) {
      signedOut();
    }
  },
});

/** An error answer of the API, as the console shows it. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | undefined,
    /** The error's `details`, when it has any (`retryAfterSeconds` of a TooManyAttempts…). */
    readonly details: unknown = undefined,
  ) {
    super(message);
  }
}

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful answer; an error answer becomes an `ApiFailure`. */
export async function must<T>(call: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (error === undefined && response.ok) return data as T;
  const body = (error ?? {}) as Partial<Schemas['ApiErrorResponse']>;
  throw new ApiFailure(
    response.status,
    body.error?.code ?? `HTTP ${response.status}`,
    body.error?.message ?? response.statusText,
    body.request_id ?? response.headers.get('x-request-id') ?? undefined,
    body.error?.details,
  );
}
