import { labelsHash } from '../labels-hash.js';
import type { EventLinks } from '../parsed-event.js';

/** Links by name, where a source may leave any of them out: the absent ones are dropped. */
export type PossibleLinks = { readonly [Name in keyof EventLinks]: string | undefined };
import { firstNonBlank } from '../payload/first-non-blank.js';
import type { AlertmanagerAlert, AlertmanagerGroup } from './alertmanager-alert.js';

/**
 * What one Alertmanager-shaped source does differently. Every part is optional: a part left out
 * takes the default below, which is what Prometheus Alertmanager itself means.
 */
export interface AlertmanagerDialect {
  /** Stable identity of the problem. Default: {@link defaultAlertKey}. */
  alertKey?: (alert: AlertmanagerAlert, group: AlertmanagerGroup) => string;
  /** Default: `labels.alertname`. When it gives no text, the title is `Alert <alertKey>`. */
  title?: (alert: AlertmanagerAlert, group: AlertmanagerGroup) => string | undefined;
  /** Default: `annotations.description`, else `annotations.message`. */
  description?: (alert: AlertmanagerAlert, group: AlertmanagerGroup) => string | undefined;
  /** When the source saw it. Default, and whenever this gives undefined: the time received. */
  eventTime?: (alert: AlertmanagerAlert, group: AlertmanagerGroup) => Date | undefined;
  /** Default: {@link defaultLinks}. */
  links?: (alert: AlertmanagerAlert, group: AlertmanagerGroup) => PossibleLinks;
}

/**
 * The alert's `fingerprint` (Alertmanager 0.19 and later), else a hash of its labels, which is
 * what Alertmanager fingerprints too: either way two Alertmanagers of an HA pair agree.
 */
export function defaultAlertKey(alert: AlertmanagerAlert): string {
  return alert.fingerprint ?? labelsHash(alert.labels);
}

export function defaultTitle(alert: AlertmanagerAlert): string | undefined {
  return alert.labels.alertname;
}

export function defaultDescription(alert: AlertmanagerAlert): string | undefined {
  return firstNonBlank(alert.annotations.description, alert.annotations.message);
}

/** `generatorURL` leads to the rule's query, `externalURL` to the sender's own UI. */
export function defaultLinks(alert: AlertmanagerAlert, group: AlertmanagerGroup): PossibleLinks {
  return { generatorUrl: alert.generatorUrl, sourceUrl: group.externalUrl };
}
