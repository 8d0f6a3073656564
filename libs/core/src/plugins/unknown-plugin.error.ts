import { ApiError, NotFoundError } from '../common/api-error.js';

/**
 * A client named a plugin that is not enabled on this server, as it would name any other
 * resource of the admin API by id: thrown by `PluginRegistry.get`.
 */
export class UnknownPluginError extends NotFoundError {
  constructor(pluginId: string) {
    super('plugin', pluginId);
  }
}

/**
 * An integration exists but its plugin is not enabled on this server (removed from the app):
 * thrown by `PluginRegistry.pluginOf`.
 */
export class PluginUnavailableError extends ApiError {
  constructor(pluginId: string) {
    super(
      404,
      'PluginUnavailable',
      `plugin "${pluginId}" of this integration is not enabled on this server`,
    );
  }
}
