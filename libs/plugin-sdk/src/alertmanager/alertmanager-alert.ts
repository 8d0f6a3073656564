import type { ParseContext } from '../integration-plugin.js';
import { PayloadError } from '../payload-error.js';
import { childPath } from '../payload/json-path.js';
import { quote } from '../payload/describe-value.js';
import {
  readObject,
  readOptionalString,
  readString,
  readStringMap,
  type JsonObject,
} from '../payload/payload-reader.js';
import { readTime } from '../payload/payload-time.js';
import type { EventStatus } from '../severity.js';

/** One alert of an Alertmanager-shaped body, read and checked. */
export interface AlertmanagerAlert {
  /** Where the alert is in the body (`$.alerts[2]`), for errors about fields a dialect reads. */
  readonly path: string;
  readonly status: EventStatus;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly startsAt?: Date;
  /** Undefined for Go's zero time, which a firing alert carries: no end yet. */
  readonly endsAt?: Date;
  readonly generatorUrl?: string;
  /** Alertmanager 0.19 and later; undefined when missing or empty. */
  readonly fingerprint?: string;
  /** The alert object as received; dialects read their own fields (Volcengine `alertURL`) here. */
  readonly raw: JsonObject;
}

/** The whole push, for what a dialect needs beyond one alert. */
export interface AlertmanagerGroup {
  /** The body as received; dialects read their own fields (`alertingRuleName`) here. */
  readonly body: JsonObject;
  /** Alertmanager's `externalURL`: where the sender's own UI is. */
  readonly externalUrl?: string;
  readonly context: ParseContext;
}

function readStatus(value: unknown, path: string): EventStatus {
  const status = readString(value, path).toLowerCase();
  if (status !== 'firing' && status !== 'resolved') {
    throw new PayloadError(`expected "firing" or "resolved", got ${quote(String(value))}`, path);
  }
  return status;
}

/**
 * Reads one alert. Its own `status` decides: a group may hold firing and resolved alerts at once,
 * and the body's status only sums them up.
 */
export function readAlertmanagerAlert(value: unknown, path: string): AlertmanagerAlert {
  const alert = readObject(value, path);
  return {
    path,
    status: readStatus(alert.status, childPath(path, 'status')),
    labels: readStringMap(alert.labels, childPath(path, 'labels')),
    annotations: readStringMap(alert.annotations, childPath(path, 'annotations')),
    startsAt: readTime(alert.startsAt, childPath(path, 'startsAt')),
    endsAt: readTime(alert.endsAt, childPath(path, 'endsAt')),
    generatorUrl: readOptionalString(alert.generatorURL, childPath(path, 'generatorURL')),
    fingerprint: readOptionalString(alert.fingerprint, childPath(path, 'fingerprint')),
    raw: alert,
  };
}
