import {
  firstNonBlank,
  parseAlertmanagerWebhook,
  type AlertmanagerDialect,
  type ParseContext,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';

/**
 * ARMS follows Alertmanager for the key (fingerprint), the title (`alertname` holds the rule's
 * name) and the links (`externalURL` opens the alert in the console); only the description differs.
 * Each alert's own status decides: ARMS gives firing alerts a real future `endsAt`.
 */
const ALIYUN_PROMETHEUS_DIALECT: AlertmanagerDialect = {
  description: (alert) =>
    firstNonBlank(alert.annotations.message, alert.annotations._aliyun_arms_alert_message),
};

/** Parses an Alibaba Cloud managed Prometheus (ARMS) custom webhook into one event per alert. */
export function parseAliyunPrometheusWebhook(body: unknown, context: ParseContext): ParsedEvent[] {
  return parseAlertmanagerWebhook(body, context, ALIYUN_PROMETHEUS_DIALECT);
}
