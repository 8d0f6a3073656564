import { ApiError } from '../common/api-error.js';

export class UnknownPluginError extends ApiError {
  constructor(pluginId: string) {
    super(404, 'RouteNotFound', `no plugin "${pluginId}" is enabled on this server`);
  }
}

/** An integration exists but its plugin is not enabled on this server (removed from the app). */
export class PluginUnavailableError extends ApiError {
  constructor(pluginId: string) {
    super(
      404,
      'PluginUnavailable',
      `plugin "${pluginId}" of this integration is not enabled on this server`,
    );
  }
}
