import { higherSeverity } from '@alert-hub/plugin-sdk';
import { autoResolveTime, settleAutoResolve, wasAutoResolved } from './auto-resolve.js';
import { markSilence } from './alert-silencing.js';
import { Alert } from './alert.entity.js';
import type { NormalizedEvent } from './normalized-event.js';

/** What folding one event into a channel's alert decided. */
export interface FoldOutcome {
  /**
   * `repeat`: the same as the alert's latest event, no new row, the alert only counts it.
   * `store`: store the event, linked to `alert`.
   */
  kind: 'repeat' | 'store';
  alert: Alert;
  /**
   * The alert whose status its auto-resolve time changed for this event (see
   * `settleAutoResolve`): written whole, before `alert`, which may be a new alert of the same
   * identity.
   */
  autoResolveSettled?: Alert;
}

export interface FoldContext {
  channelId: string;
  integrationId: string;
  pluginId: string;
  receivedAt: Date;
  /** The integration's time-out for alerts of events that never resolve. */
  autoResolveAfterSeconds: number;
  /** The silence that matched this copy of the event (silences/), if one did. */
  silencedBy?: string | null;
}

/** What a repeat must match: status, severity, startsAt and endsAt of the latest event. */
export function eventSignature(event: NormalizedEvent): string {
  const time = (date: Date | null) => (date ? String(date.getTime()) : '');
  return [event.status, event.severity, time(event.startsAt), time(event.endsAt)].join('|');
}

function sameTime(a: Date | null, b: Date | null): boolean {
  return a !== null && b !== null && a.getTime() === b.getTime();
}

function resolutionTime(event: NormalizedEvent): Date {
  return event.endsAt ?? event.eventTime;
}

function isBefore(a: Date | null, b: Date | null): boolean {
  return a !== null && b !== null && a.getTime() < b.getTime();
}

/**
 * A new alert of the event's identity. A resolution opens one too, already resolved: a
 * resolution whose firing Alert Hub never saw (or no longer keeps) is sent again at every
 * `group_interval` of its group, and only an alert can count those copies as repeats.
 */
function openAlert(event: NormalizedEvent, context: FoldContext, signature: string): Alert {
  const resolved = event.status === 'resolved';
  const alert = new Alert();
  Object.assign(alert, {
    channelId: context.channelId,
    alertKey: event.alertKey,
    integrationId: context.integrationId,
    pluginId: context.pluginId,
    status: resolved ? 'resolved' : 'active',
    severity: event.severity,
    title: event.title,
    description: event.description,
    labels: event.labels,
    startsAt: event.startsAt ?? event.eventTime,
    resolvedAt: resolved ? resolutionTime(event) : null,
    lastEventAt: event.eventTime,
    lastSeenAt: context.receivedAt,
    eventCount: 1,
    repeatCount: 0,
    autoResolveAt: resolved ? null : armedTime(event, context),
    lastEventSignature: signature,
    silencedBy: null,
    unsilencedAt: null,
    createdAt: context.receivedAt,
    updatedAt: context.receivedAt,
  } satisfies Omit<Alert, 'id'>);
  return alert;
}

function armedTime(event: NormalizedEvent, context: FoldContext): Date | null {
  return autoResolveTime(event, context.receivedAt, context.autoResolveAfterSeconds);
}

function absorb(
  alert: Alert,
  event: NormalizedEvent,
  context: FoldContext,
  signature: string,
): void {
  alert.eventCount += 1;
  alert.lastEventSignature = signature;
  alert.lastSeenAt = context.receivedAt;
  alert.updatedAt = context.receivedAt;
  if (event.eventTime.getTime() > alert.lastEventAt.getTime()) alert.lastEventAt = event.eventTime;
}

/**
 * Folds one event into the alert it belongs to, per DESIGN.md §6. `current` is the active alert
 * of the event's identity (integration, channel, alert key), else its latest resolved one, else
 * undefined. Mutates `current`.
 *
 * An alert whose auto-resolve time has passed when the event is received counts as resolved at
 * that time, whether the sweep resolved it yet or not; a firing event then opens a new alert,
 * whatever it is: the problem the old one stood for was closed for good.
 */
export function foldEvent(
  current: Alert | undefined,
  event: NormalizedEvent,
  context: FoldContext,
): FoldOutcome {
  const outcome =
    current === undefined || !settleAutoResolve(current, context.receivedAt)
      ? foldInto(current, event, context)
      : { ...foldInto(current, event, context), autoResolveSettled: current };
  markSilence(outcome.alert, event, context.silencedBy ?? null, context.receivedAt);
  return outcome;
}

function foldInto(
  current: Alert | undefined,
  event: NormalizedEvent,
  context: FoldContext,
): FoldOutcome {
  const signature = eventSignature(event);
  if (current && wasAutoResolved(current) && event.status === 'firing') {
    return { kind: 'store', alert: openAlert(event, context, signature) };
  }
  if (current && current.lastEventSignature === signature) {
    current.repeatCount += 1;
    current.lastSeenAt = context.receivedAt;
    current.updatedAt = context.receivedAt;
    // A repeat of an event that never resolves says it happened again: the time-out starts over.
    if (current.status === 'active') current.autoResolveAt = armedTime(event, context);
    return { kind: 'repeat', alert: current };
  }

  if (event.status === 'firing') {
    if (current?.status === 'active') {
      absorb(current, event, context, signature);
      current.severity = higherSeverity(current.severity, event.severity);
      if (!event.keepsAlertTitle) {
        current.title = event.title;
        current.description = event.description;
      }
      current.labels = event.labels;
      current.autoResolveAt = armedTime(event, context);
      return { kind: 'store', alert: current };
    }
    // A firing event of the occurrence that already resolved arrives late (a lagging HA peer,
    // a retried push): keep it, but it must not reopen the problem.
    if (current && sameTime(current.startsAt, event.startsAt)) {
      absorb(current, event, context, signature);
      return { kind: 'store', alert: current };
    }
    return { kind: 'store', alert: openAlert(event, context, signature) };
  }

  if (current?.status === 'active') {
    // The resolution of an older occurrence must not close the newer one that is firing now.
    if (isBefore(event.startsAt, current.startsAt)) {
      current.eventCount += 1;
      current.lastSeenAt = context.receivedAt;
      return { kind: 'store', alert: current };
    }
    absorb(current, event, context, signature);
    current.status = 'resolved';
    current.resolvedAt = resolutionTime(event);
    // Resolved by its source: no time-out closed it.
    current.autoResolveAt = null;
    return { kind: 'store', alert: current };
  }
  if (current) {
    absorb(current, event, context, signature);
    return { kind: 'store', alert: current };
  }
  return { kind: 'store', alert: openAlert(event, context, signature) };
}
