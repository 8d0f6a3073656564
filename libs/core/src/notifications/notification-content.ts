import { zonedTime } from '../common/zoned-time.js';
import { CONSOLE_PATH } from '../console/serve-console.js';
import type { AlertSnapshot, Transition } from './alert-transition.js';
import type { TemplateValues } from './notification-template.js';

/** One notification as a delivery carries it. */
export interface NotificationContent {
  /** Stable: a receiver drops a notification whose id it already has. */
  id: string;
  /** Grows with each transition of the alert: a receiver drops one lower than the latest seen. */
  sequence: number;
  transition: Transition;
  occurredAt: Date;
  alert: AlertSnapshot;
}

/** How times and links read in messages. */
export interface MessageStyle {
  /** An IANA time zone, e.g. `Asia/Shanghai`. */
  timeZone: string;
  /** Base of the links back to the console. */
  publicUrl: string;
}

const HEADLINES: Record<Transition, string> = {
  'alert.triggered': 'Triggered',
  'alert.resolved': 'Resolved',
  'alert.severity_changed': 'Severity changed',
};

/** `2026-11-01 18:00:00 +08:00`: the local time of the configured zone, with its offset. */
export function localTime(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  const { year, month, day, hour, minute, second } = zonedTime(timeZone, instant);
  const two = (value: number) => String(value).padStart(2, '0');
  const local = `${String(year).padStart(4, '0')}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}:${two(second)}`;
  // The offset is the local wall time read as UTC, less the instant (whole seconds).
  const offsetMinutes = Math.round(
    (Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(instant / 1000) * 1000) /
      60_000,
  );
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${local} ${sign}${two(Math.floor(Math.abs(offsetMinutes) / 60))}:${two(Math.abs(offsetMinutes) % 60)}`;
}

/** `1h 5m`, `3m 20s`, `42s`: how long an alert lasted, to the second. */
export function duration(fromIso: string, toIso: string): string {
  const seconds = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const units: Array<[number, string]> = [
    [days, 'd'],
    [hours, 'h'],
    [minutes, 'm'],
    [rest, 's'],
  ];
  const shown = units.filter(([value]) => value > 0).slice(0, 2);
  return shown.length === 0 ? '0s' : shown.map(([value, unit]) => `${value}${unit}`).join(' ');
}

export function alertLink(alertId: number, style: MessageStyle): string {
  return `${style.publicUrl}${CONSOLE_PATH}/alerts/${alertId}`;
}

/** The values a template fills its placeholders with, for one notification. */
export function templateValues(content: NotificationContent, style: MessageStyle): TemplateValues {
  const { alert } = content;
  const headline =
    content.transition === 'alert.severity_changed' && alert.previousSeverity !== null
      ? `${alert.previousSeverity} → ${alert.severity}`
      : HEADLINES[content.transition];
  return {
    labels: alert.labels,
    variables: {
      headline,
      transition: content.transition,
      title: alert.title,
      description: alert.description ?? '',
      severity: alert.severity,
      previousSeverity: alert.previousSeverity ?? '',
      startsAt: localTime(alert.startsAt, style.timeZone),
      resolvedAt: alert.resolvedAt === null ? '' : localTime(alert.resolvedAt, style.timeZone),
      duration: alert.resolvedAt === null ? '' : duration(alert.startsAt, alert.resolvedAt),
      labels: Object.entries(alert.labels)
        .map(([name, value]) => `${name}=${value}`)
        .join(', '),
      alertKey: alert.alertKey,
      alertId: String(alert.alertId),
      link: alertLink(alert.alertId, style),
      notificationId: content.id,
      sequence: String(content.sequence),
    },
  };
}
