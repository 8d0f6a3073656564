import {
  PayloadError,
  keepingAlertTitle,
  labelsHash,
  stableHash,
  type EventStatus,
  type ParsedEvent,
} from '@alert-hub/plugin-sdk';

/** What an event of any dialect says about which alert it is, before the rules below. */
export interface GivenIdentity {
  status: EventStatus;
  /** The key the sender chose, trimmed; undefined when it sent none. */
  alertKey: string | undefined;
  /** The title, trimmed; undefined when the sender sent none. */
  title: string | undefined;
  labels: Readonly<Record<string, string>>;
}

/** Where each dialect keeps the key and the title, for the errors that name them. */
export interface IdentityPaths {
  alertKey: string;
  title: string;
}

/**
 * The key of an event sent without one: a hash of its title and labels, so that the same problem
 * sent twice (a retry, a script run every minute) folds into one alert, and the sender can
 * resolve it by sending the same title and labels. Deterministic, unlike PagerDuty's random key:
 * a retried trigger whose answer was lost must not open a second alert.
 */
export function derivedAlertKey(title: string, labels: Readonly<Record<string, string>>): string {
  return stableHash([title, labelsHash(labels)]);
}

/**
 * The alert key and title of an event. A trigger needs a title; a resolution may carry its key
 * alone and keep its alert's title and description. Without a key, the key is derived from the
 * title and labels, so an event with neither names no alert.
 */
export function identify(
  given: GivenIdentity,
  paths: IdentityPaths,
): Pick<ParsedEvent, 'alertKey' | 'title' | 'keepsAlertTitle'> {
  const { status, title, labels } = given;
  if (status === 'firing' && title === undefined) {
    throw new PayloadError("is required (the alert's title) on a trigger", paths.title);
  }
  const alertKey =
    given.alertKey ?? (title === undefined ? undefined : derivedAlertKey(title, labels));
  if (alertKey === undefined) {
    throw new PayloadError(
      'is required to resolve without a title: it names the alert to resolve',
      paths.alertKey,
    );
  }
  return title === undefined ? { alertKey, ...keepingAlertTitle(alertKey) } : { alertKey, title };
}
