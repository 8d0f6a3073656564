import { describe, expect, it } from '@jest/globals';
import { DIGEST_LISTED, digestMessage } from './digest.js';
import type { NotificationContent } from './notification-content.js';

function content(index: number): NotificationContent {
  return {
    id: `n-${index}`,
    sequence: index,
    transition: index % 2 === 0 ? 'alert.triggered' : 'alert.resolved',
    occurredAt: new Date('2026-11-01T10:00:00Z'),
    alert: {
      alertId: index,
      channelId: 'c',
      integrationId: 'i',
      pluginId: 'p',
      alertKey: `k${index}`,
      title: `Alert ${index}`,
      description: null,
      severity: 'Warning',
      previousSeverity: null,
      labels: {},
      startsAt: '2026-11-01T10:00:00Z',
      resolvedAt: null,
    },
  };
}

describe('digestMessage', () => {
  it('lists the first notifications and counts the rest, whatever their number', () => {
    const contents = Array.from({ length: 150 }, (_, index) => content(index));
    const { title, text } = digestMessage(contents, {
      timeZone: 'UTC',
      publicUrl: 'https://hub.example',
    });
    expect(title).toBe('150 alert notifications (75 triggered, 75 resolved)');
    const lines = text.split('\n');
    expect(lines.filter((line) => line.startsWith('- '))).toHaveLength(DIGEST_LISTED);
    expect(lines[1]).toBe('- Warning triggered: Alert 0 (2026-11-01 10:00:00 +00:00)');
    expect(text).toContain(`and ${150 - DIGEST_LISTED} more`);
    expect(lines.at(-1)).toBe('https://hub.example/console/alerts');
  });

  it('says no "more" when it lists them all', () => {
    const { text } = digestMessage([content(0), content(1)], {
      timeZone: 'UTC',
      publicUrl: 'https://h',
    });
    expect(text).not.toContain('more');
  });
});
