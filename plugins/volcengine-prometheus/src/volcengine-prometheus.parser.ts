import {
  childPath,
  defaultLinks,
  firstNonBlank,
  labelsHash,
  parseAlertmanagerWebhook,
  readOptionalString,
  stableHash,
  type AlertmanagerAlert,
  type AlertmanagerDialect,
  type ParseContext,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';

/** VMP gives every occurrence of a problem a new id in this label. */
const OCCURRENCE_LABEL = 'internal_label_alert_id';

/**
 * VMP's fingerprint may be the hash of nothing (`d41d8cd98f00b204`), shared by unrelated rules,
 * and its labels carry a per-occurrence id. So the key hashes the rule (`alertname`), the
 * fingerprint and the labels without that id: occurrences of one problem share it, rules do not.
 */
function volcengineAlertKey(alert: AlertmanagerAlert): string {
  const stableLabels = Object.fromEntries(
    Object.entries(alert.labels).filter(([name]) => name !== OCCURRENCE_LABEL),
  );
  return stableHash([
    alert.labels.alertname ?? '',
    alert.fingerprint ?? '',
    labelsHash(stableLabels),
  ]);
}

const VOLCENGINE_PROMETHEUS_DIALECT: AlertmanagerDialect = {
  alertKey: volcengineAlertKey,
  // `alertname` is the rule's UUID; the rule's name comes at the top of the body.
  title: (alert, group) =>
    firstNonBlank(
      readOptionalString(group.body.alertingRuleName, childPath('$', 'alertingRuleName')),
      alert.labels.alertname,
    ),
  // `alertURL` opens this alert in the VMP console.
  links: (alert, group) => ({
    ...defaultLinks(alert, group),
    sourceUrl:
      readOptionalString(alert.raw.alertURL, childPath(alert.path, 'alertURL')) ??
      group.externalUrl,
  }),
};

/** Parses a Volcengine managed Prometheus (VMP) generic webhook into one event per alert. */
export function parseVolcenginePrometheusWebhook(
  body: unknown,
  context: ParseContext,
): ParsedEvent[] {
  return parseAlertmanagerWebhook(body, context, VOLCENGINE_PROMETHEUS_DIALECT);
}
