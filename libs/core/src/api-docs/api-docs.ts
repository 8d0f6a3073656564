import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { API_DOCS_PATH } from '../http/api-docs-path.js';
import { markPublic } from '../http/route-access.js';
import { CONSOLE_REQUEST_HEADER } from '../auth/console-request.js';
import { SESSION_COOKIE } from '../auth/session-cookie.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import {
  ADMIN_SESSION_SCHEME,
  ADMIN_TOKEN_SCHEME,
  INTEGRATION_KEY_BEARER_SCHEME,
  INTEGRATION_KEY_QUERY_SCHEME,
  METRICS_TOKEN_SCHEME,
} from '../openapi/api-docs.decorators.js';
import { ApiErrorResponse } from '../openapi/api-error-response.js';
import { withPluginPushOperations } from './plugin-push-operations.js';

const DESCRIPTION = `Monitoring sources push alert webhooks to \`/webhooks/{pluginId}\`; the admin API
under \`/api/v1\` configures channels and integrations and reads events and alerts.

Every answer carries an \`X-Request-Id\` header; errors are \`{request_id, error: {code, message, details?}}\`.`;

/**
 * Serves the OpenAPI document of every route and the Swagger UI. Call before the app is
 * initialized: on Fastify the UI's static files are a plugin, registered at start.
 */
export function setupApiDocs(app: INestApplication): void {
  // The UI and the document are open: Swagger's own routes, not controllers, so marked here.
  const docsPath = `/${API_DOCS_PATH}`;
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  fastify.addHook('onRoute', (route) => {
    const { url } = route;
    if (url === docsPath || url.startsWith(`${docsPath}/`) || url.startsWith(`${docsPath}-`)) {
      markPublic(route);
    }
  });
  const config = new DocumentBuilder()
    .setTitle('Alert Hub')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addSecurity(ADMIN_TOKEN_SCHEME, {
      type: 'http',
      scheme: 'bearer',
      description: 'ADMIN_TOKEN, or the token generated at the first start (DATA_DIR/admin-token)',
    })
    .addSecurity(ADMIN_SESSION_SCHEME, {
      type: 'apiKey',
      in: 'cookie',
      name: SESSION_COOKIE,
      description: `The console's session (POST /api/v1/session); a request other than GET also needs the ${CONSOLE_REQUEST_HEADER} header`,
    })
    .addSecurity(INTEGRATION_KEY_QUERY_SCHEME, {
      type: 'apiKey',
      in: 'query',
      name: 'integration_key',
      description: 'The integration key, as the push URL carries it',
    })
    .addSecurity(INTEGRATION_KEY_BEARER_SCHEME, {
      type: 'http',
      scheme: 'bearer',
      description: 'The integration key as a bearer token, for sources that can set headers',
    })
    .addSecurity(METRICS_TOKEN_SCHEME, {
      type: 'http',
      scheme: 'bearer',
      description: 'METRICS_TOKEN, needed only when the server sets one',
    })
    // Every route is admin-only unless it is @Public(), and so is every operation here: the
    // token or a session, either will do.
    .addSecurityRequirements(ADMIN_TOKEN_SCHEME)
    .addSecurityRequirements(ADMIN_SESSION_SCHEME)
    .build();
  SwaggerModule.setup(
    API_DOCS_PATH,
    app,
    // Built at the first request for it, once the registry holds every plugin.
    () =>
      withPluginPushOperations(
        SwaggerModule.createDocument(app, config, { extraModels: [ApiErrorResponse] }),
        app.get(PluginRegistry, { strict: false }).list(),
      ),
    { customSiteTitle: 'Alert Hub API' },
  );
}
