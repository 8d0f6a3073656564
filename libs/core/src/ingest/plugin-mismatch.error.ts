import { ApiError } from '../common/api-error.js';

export class PluginMismatchError extends ApiError {
  constructor(pushedTo: string, integrationPlugin: string) {
    super(
      409,
      'PluginMismatch',
      `this key belongs to a "${integrationPlugin}" integration; push to /webhooks/${integrationPlugin}, not /webhooks/${pushedTo}`,
    );
  }
}
