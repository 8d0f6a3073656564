import type { Transition } from './alert-transition.js';
import { CONSOLE_PATH } from '../console/serve-console.js';
import { localTime, type MessageStyle, type NotificationContent } from './notification-content.js';

/** Notifications one digest carries at most; more wait for the next one. */
export const DIGEST_MAX_NOTIFICATIONS = 200;
/** Lines a digest's text lists; the rest are counted ("and N more"). */
export const DIGEST_LISTED = 20;

const VERBS: Record<Transition, string> = {
  'alert.triggered': 'triggered',
  'alert.resolved': 'resolved',
  'alert.severity_changed': 'severity changed',
};

/**
 * One message for many notifications, sent instead of them when the destination cannot take
 * them one by one (it rate-limited, or more are waiting than its bound lets out). Its text is
 * bounded whatever the count; a webhook's body still carries every notification.
 */
export function digestMessage(
  contents: readonly NotificationContent[],
  style: MessageStyle,
): { title: string; text: string } {
  const triggered = contents.filter((content) => content.transition === 'alert.triggered').length;
  const resolved = contents.filter((content) => content.transition === 'alert.resolved').length;
  const title = `${contents.length} alert notifications (${triggered} triggered, ${resolved} resolved)`;
  const lines = contents.slice(0, DIGEST_LISTED).map(({ transition, alert, occurredAt }) => {
    const at = localTime(occurredAt.toISOString(), style.timeZone);
    return `- ${alert.severity} ${VERBS[transition]}: ${alert.title} (${at})`;
  });
  const more = contents.length - lines.length;
  if (more > 0) lines.push(`and ${more} more`);
  lines.push(`${style.publicUrl}${CONSOLE_PATH}/alerts`);
  return { title, text: `${title}\n${lines.join('\n')}` };
}
