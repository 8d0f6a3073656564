import { ApiError } from '../common/api-error.js';
import type { HeartbeatSettings } from '../integrations/heartbeat-settings.js';

/** A ping to an integration whose heartbeat does not take pings. */
export class NoPingHeartbeatError extends ApiError {
  constructor(heartbeat: HeartbeatSettings | null) {
    const state =
      heartbeat === null
        ? 'has no heartbeat'
        : heartbeat.enabled
          ? `has a heartbeat of source ${heartbeat.source}`
          : 'has its heartbeat switched off';
    super(
      409,
      'NoPingHeartbeat',
      `this integration ${state}: pings count only for an enabled heartbeat of source ping`,
    );
  }
}
