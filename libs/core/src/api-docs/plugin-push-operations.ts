import { contentTypesOf, type IntegrationPlugin } from '@alert-hub/plugin-sdk';
import type { OpenAPIObject } from '@nestjs/swagger';

/** The path of the one push route, which serves every plugin. */
export const PUSH_PATH = '/webhooks/{pluginId}';

/** The documented path of one plugin's pushes: the push route with its id filled in. */
export function pluginPushPath(pluginId: string): string {
  return PUSH_PATH.replace('{pluginId}', pluginId);
}

type Operation = NonNullable<OpenAPIObject['paths'][string]['post']>;

function pluginOperation(generic: Operation, plugin: IntegrationPlugin): Operation {
  const schema = plugin.bodySchema ?? {};
  const parameters = (generic.parameters ?? []).filter(
    (parameter) => !('name' in parameter && parameter.name === 'pluginId'),
  );
  return {
    ...generic,
    operationId: `${generic.operationId ?? 'push'}_${plugin.id}`,
    summary: `Push to the ${plugin.name} plugin`,
    description: `${plugin.description}. The same route as \`POST ${PUSH_PATH}\`, with the body this plugin reads.`,
    parameters,
    requestBody: {
      required: true,
      content: Object.fromEntries(contentTypesOf(plugin).map((type) => [type, { schema }])),
    },
  };
}

/**
 * The document with an operation of its own for every plugin that declares its body's schema:
 * `POST /webhooks/<id>`, answered and secured as the push route that serves it, with that schema
 * as its body. A source's format becomes discoverable where the API is, not only in a guide.
 */
export function withPluginPushOperations(
  document: OpenAPIObject,
  plugins: readonly IntegrationPlugin[],
): OpenAPIObject {
  const generic = document.paths[PUSH_PATH]?.post;
  if (generic === undefined) throw new Error(`the OpenAPI document has no POST ${PUSH_PATH}`);
  const paths = { ...document.paths };
  for (const plugin of plugins) {
    if (plugin.bodySchema === undefined) continue;
    paths[pluginPushPath(plugin.id)] = { post: pluginOperation(generic, plugin) };
  }
  return { ...document, paths };
}
