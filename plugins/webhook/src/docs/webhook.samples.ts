import sentryCritical from '../../fixtures/sentry-metric-alert-critical-constructed.json' with { type: 'json' };
import graylogEvent from '../../fixtures/graylog-http-notification-aggregation-constructed.json' with { type: 'json' };

/**
 * Example payloads for the API and the "send a test push" button, which sends the first: the
 * Sentry metric alert that the ready-made Sentry mapping reads. A test push of an integration
 * with another mapping is refused (422) like any push that mapping cannot read.
 */
export const WEBHOOK_SAMPLES: Record<string, unknown> = {
  'sentry-metric-alert': sentryCritical,
  'graylog-event': graylogEvent,
};
