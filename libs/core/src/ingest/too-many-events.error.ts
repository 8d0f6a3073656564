import { ApiError } from '../common/api-error.js';
import { EVENTS_PER_PUSH } from '../events/event-limits.js';

export class TooManyEventsError extends ApiError {
  constructor(events: number) {
    super(
      413,
      'PayloadTooLarge',
      `this push carries ${events} events; at most ${EVENTS_PER_PUSH} are accepted per push (split it, e.g. group by more labels in Alertmanager)`,
    );
  }
}
