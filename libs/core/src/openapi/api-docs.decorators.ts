import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiSecurity,
  ApiTags,
  getSchemaPath,
  type ApiPropertyOptions,
  type ReferenceObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { ApiErrorResponse } from './api-error-response.js';

export const ADMIN_TOKEN_SCHEME = 'admin-token';
export const ADMIN_SESSION_SCHEME = 'admin-session';
export const INTEGRATION_KEY_QUERY_SCHEME = 'integration-key';
export const INTEGRATION_KEY_BEARER_SCHEME = 'integration-key-bearer';
export const METRICS_TOKEN_SCHEME = 'metrics-token';

type Schema = SchemaObject | ReferenceObject;

/** Error descriptions many routes share. */
export const ERRORS = {
  invalid: 'InvalidParameter: the request is not valid; `details` lists the failing fields',
  notFound: 'NotFound: nothing has this id',
  pluginUnavailable:
    'NotFound: nothing has this id; PluginUnavailable: its plugin is not enabled on this server',
} as const;

/** A route with an `:id`: a malformed id answers 400, an unknown one 404. */
export const BY_ID_ERRORS = { 400: ERRORS.invalid, 404: ERRORS.notFound };

/** Error answers of a route or of every route of a controller: status → when, with its codes. */
export function ApiErrors(
  errors: Partial<Record<number, string>>,
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(errors).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, type: ApiErrorResponse }),
    ),
  );
}

/** A reference to a documented class, registering it in the document. */
function modelSchema(model: Type): Schema {
  return { $ref: getSchemaPath(model) };
}

/**
 * A success answer in the admin API's envelope, `{data: …}`. `data` is a class, `[Class]` for a
 * list, or a schema (then list the classes it refers to in `models`).
 */
export function ApiData(
  description: string,
  data: Type | [Type] | Schema,
  options: { status?: number; models?: Type[] } = {},
): MethodDecorator {
  const models = [...(options.models ?? [])];
  let schema: Schema;
  if (Array.isArray(data)) {
    models.push(data[0]);
    schema = { type: 'array', items: modelSchema(data[0]) };
  } else if (typeof data === 'function') {
    models.push(data);
    schema = modelSchema(data);
  } else {
    schema = data;
  }
  return applyDecorators(
    ApiExtraModels(...models),
    ApiResponse({
      status: options.status ?? 200,
      description,
      schema: { type: 'object', required: ['data'], properties: { data: schema } },
    }),
  );
}

const LABEL_FILTERS =
  'Filters combine with AND. Besides the parameters below, `label.<name>=<value>` keeps the rows ' +
  'whose label `<name>` has that value, e.g. `label.instance=api-1`; give several to narrow further.';

/**
 * The query of a list that also takes `label.<name>=<value>` filters, which no query class can
 * declare: its handler reads the raw query, so the query class is named here.
 */
export function ApiQueryWithLabelFilters(query: Type): MethodDecorator {
  return applyDecorators(ApiOperation({ description: LABEL_FILTERS }), ApiQuery({ type: query }));
}

/** A page of a newest-first list, `{data: [...], nextCursor}`, filtered as the query says. */
export function ApiPage(description: string, model: Type): MethodDecorator {
  return applyDecorators(
    ApiErrors({ 400: ERRORS.invalid }),
    ApiExtraModels(model),
    ApiResponse({
      status: 200,
      description,
      schema: {
        type: 'object',
        required: ['data', 'nextCursor'],
        properties: {
          data: { type: 'array', items: modelSchema(model) },
          nextCursor: {
            type: 'string',
            nullable: true,
            description: 'Pass as `cursor` for the next page; null on the last page',
          },
        },
      },
    }),
  );
}

/**
 * A controller of the admin API: tagged, and answering 401 without the admin token and 503 while
 * the database is down. The document requires the admin token unless a route says otherwise.
 */
export function AdminApi(tag: string): ClassDecorator {
  return applyDecorators(
    ApiTags(tag),
    ApiErrors({
      401: 'Unauthorized: no admin token, or a wrong one',
      503: 'Unavailable: the database cannot be reached or written; retry later',
    }),
  );
}

/** A route open to anyone: no credentials in the document either. */
export function ApiNoAuth(): MethodDecorator & ClassDecorator {
  return ApiSecurity({});
}

/** `Record<string, string>` as a property schema: labels, annotations. */
export const STRING_MAP: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { type: 'string' },
};

/** `string[]` of ids as a property schema: the channels of a rule. */
export const UUID_LIST = {
  type: String,
  format: 'uuid',
  isArray: true,
} satisfies ApiPropertyOptions;
