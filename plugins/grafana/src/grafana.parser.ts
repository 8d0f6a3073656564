import {
  childPath,
  defaultAlertKey,
  firstNonBlank,
  parseAlertmanagerWebhook,
  readOptionalString,
  stableHash,
  type AlertmanagerAlert,
  type AlertmanagerDialect,
  type AlertmanagerGroup,
  type ParseContext,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';

/** The Grafana org an alert belongs to: on the alert (newer Grafanas), else on the body. */
function orgIdOf(alert: AlertmanagerAlert, group: AlertmanagerGroup): string {
  const orgId = alert.raw.orgId ?? group.body.orgId;
  return typeof orgId === 'number' || typeof orgId === 'string' ? String(orgId) : '';
}

/** `values` (RefID → number, Grafana 10+), as `B=44.24, C=1`; else the older `valueString`. */
function valuesText(alert: AlertmanagerAlert): string | undefined {
  const { values } = alert.raw;
  if (typeof values === 'object' && values !== null && !Array.isArray(values)) {
    const entries = Object.entries(values).filter(([, value]) => typeof value === 'number');
    if (entries.length > 0) {
      return `Values: ${entries.map(([refId, value]) => `${refId}=${String(value)}`).join(', ')}`;
    }
  }
  return readOptionalString(alert.raw.valueString, childPath(alert.path, 'valueString'));
}

/** One of the URLs Grafana adds to each alert, when present. */
function grafanaUrl(alert: AlertmanagerAlert, field: string): string | undefined {
  return readOptionalString(alert.raw[field], childPath(alert.path, field));
}

const GRAFANA_DIALECT: AlertmanagerDialect = {
  // Fingerprints are a hash of the labels: two Grafanas, or two orgs of one, can share them.
  alertKey: (alert, group) =>
    stableHash([group.externalUrl ?? '', orgIdOf(alert, group), defaultAlertKey(alert)]),
  description: (alert) =>
    firstNonBlank(
      alert.annotations.description,
      alert.annotations.summary,
      alert.annotations.message,
      valuesText(alert),
    ),
  links: (alert, group) => ({
    generatorUrl: alert.generatorUrl,
    panelUrl: grafanaUrl(alert, 'panelURL'),
    dashboardUrl: grafanaUrl(alert, 'dashboardURL'),
    silenceUrl: grafanaUrl(alert, 'silenceURL'),
    sourceUrl: group.externalUrl,
  }),
};

/** Parses a Grafana Alerting webhook contact point's default payload: one event per alert. */
export function parseGrafanaWebhook(body: unknown, context: ParseContext): ParsedEvent[] {
  return parseAlertmanagerWebhook(body, context, GRAFANA_DIALECT);
}
