import type { EventStatus, Severity } from './severity.js';

/**
 * Links back to where the alert came from, by name, in the order a reader should see them. A
 * name is a camelCase word of the plugin's choosing; these mean the same for every source, so
 * use them where they fit: `generatorUrl` (the rule or query that raised it), `sourceUrl` (the
 * alert in the source's own UI), `dashboardUrl`, `panelUrl`, `silenceUrl`, `runbookUrl`. The core
 * keeps at most {@link MAX_EVENT_LINKS} links, and only absolute `http`/`https` URLs.
 */
export type EventLinks = Readonly<Record<string, string>>;

/** Links one event keeps; the first ones in the plugin's order. */
export const MAX_EVENT_LINKS = 16;

/** One alert occurrence as a plugin read it from a push, before severity mapping and routing. */
export interface ParsedEvent {
  status: EventStatus;
  /** Stable identity of the problem at the source: events with the same key fold into one alert. */
  alertKey: string;
  /** Never blank. A source that sends none gives a stand-in: see `keepsAlertTitle`. */
  title: string;
  /**
   * The source sent no title (a resolution that carries only its key): `title` is a stand-in
   * ({@link keepingAlertTitle}), and wherever the event folds into an alert, the alert keeps its
   * title and description and the event is stored with them (its own description, if it has
   * one, wins). Only an event that opens an alert, or reaches no channel, shows the stand-in.
   */
  keepsAlertTitle?: boolean;
  description?: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  /** The source's own severity word, before mapping; filled in by the severity map when absent. */
  sourceSeverity?: string;
  /**
   * The severity, only when the plugin decides it itself from a per-integration value map (a
   * mapped webhook's `severity`): the severity map is then not consulted. Leave it out otherwise.
   */
  severity?: Severity;
  startsAt?: Date;
  endsAt?: Date;
  eventTime?: Date;
  links?: EventLinks;
  /** This event's part of the payload, stored as received. */
  raw: unknown;
}

/** The title of an event whose source gave none: its alert key, so that it can still be found. */
export function fallbackTitle(alertKey: string): string {
  return `Alert ${alertKey}`;
}

/** The title of an event whose source sent none, marked to keep its alert's title. */
export function keepingAlertTitle(
  alertKey: string,
): Required<Pick<ParsedEvent, 'title' | 'keepsAlertTitle'>> {
  return { title: fallbackTitle(alertKey), keepsAlertTitle: true };
}
