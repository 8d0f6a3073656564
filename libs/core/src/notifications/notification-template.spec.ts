import { describe, expect, it } from '@jest/globals';
import { DESTINATION_KINDS } from './kinds/destination-kinds.js';
import { templateValues, duration, localTime } from './notification-content.js';
import { renderTemplate, templateProblems } from './notification-template.js';
import type { NotificationContent } from './notification-content.js';

const CONTENT: NotificationContent = {
  id: '7c1a0e8e-0000-4000-8000-000000000001',
  sequence: 42,
  transition: 'alert.resolved',
  occurredAt: new Date('2026-11-01T11:05:00Z'),
  alert: {
    alertId: 7,
    channelId: 'c',
    integrationId: 'i',
    pluginId: 'prometheus',
    alertKey: 'k',
    title: 'Disk full',
    description: null,
    severity: 'Critical',
    previousSeverity: null,
    labels: { instance: 'db-1', team: 'storage' },
    startsAt: '2026-11-01T10:00:00Z',
    resolvedAt: '2026-11-01T11:05:30Z',
  },
};
const STYLE = { timeZone: 'Asia/Shanghai', publicUrl: 'https://hub.example' };

describe('notification templates', () => {
  it('fill placeholders, labels, and sections that show only when their value is not empty', () => {
    const values = templateValues(CONTENT, STYLE);
    expect(
      renderTemplate(
        '{{headline}}: {{title}} on {{labels.instance}}{{#description}} ({{description}}){{/description}}{{#resolvedAt}} after {{duration}}{{/resolvedAt}} {{link}}',
        values,
      ),
    ).toBe('Resolved: Disk full on db-1 after 1h 5m https://hub.example/console/alerts/7');
    expect(renderTemplate('{{labels}} {{labels.absent}}|', values)).toBe(
      'instance=db-1, team=storage |',
    );
  });

  it('read times in the configured zone, and durations to the second', () => {
    expect(localTime('2026-11-01T10:00:00Z', 'Asia/Shanghai')).toBe('2026-11-01 18:00:00 +08:00');
    expect(localTime('2026-11-01T10:00:00Z', 'UTC')).toBe('2026-11-01 10:00:00 +00:00');
    expect(localTime('2026-07-01T10:00:00Z', 'America/St_Johns')).toBe(
      '2026-07-01 07:30:00 -02:30',
    );
    expect(duration('2026-11-01T10:00:00Z', '2026-11-01T10:00:42Z')).toBe('42s');
    expect(duration('2026-11-01T10:00:00Z', '2026-11-03T13:00:00Z')).toBe('2d 3h');
  });

  it('name unknown placeholders and unclosed sections', () => {
    expect(templateProblems('{{nope}} {{#title}}x', 'template.body')).toEqual([
      expect.stringContaining('unknown placeholder {{nope}}'),
      'template.body: section {{#title}} is not closed',
    ]);
    expect(
      templateProblems('{{labels.team}} {{#resolvedAt}}{{duration}}{{/resolvedAt}}', 'b'),
    ).toEqual([]);
  });

  it("every kind's default template is usable", () => {
    for (const kind of DESTINATION_KINDS) {
      expect([
        ...templateProblems(kind.defaultTemplate.title, `${kind.id}.title`),
        ...templateProblems(kind.defaultTemplate.body, `${kind.id}.body`),
      ]).toEqual([]);
    }
  });
});
