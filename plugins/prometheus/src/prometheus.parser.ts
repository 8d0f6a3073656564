import {
  firstNonBlank,
  parseAlertmanagerWebhook,
  readUnixSeconds,
  type AlertmanagerDialect,
  type ParseContext,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';

/** Key, description and links are Alertmanager's defaults; only these two differ. */
const PROMETHEUS_DIALECT: AlertmanagerDialect = {
  title: (alert) => firstNonBlank(alert.annotations.summary, alert.labels.alertname),
  // The setup guide suggests a `timestamp` annotation holding the rule's evaluation time, which
  // says when the problem was seen better than when the notification arrived.
  eventTime: (alert) => readUnixSeconds(alert.annotations.timestamp),
};

/** Parses a Prometheus Alertmanager webhook (0.16 and later) into one event per alert. */
export function parsePrometheusWebhook(body: unknown, context: ParseContext): ParsedEvent[] {
  return parseAlertmanagerWebhook(body, context, PROMETHEUS_DIALECT);
}
