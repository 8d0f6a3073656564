import { describe, expect, it } from '@jest/globals';
import type { ParsedEvent } from '@alert-hub/plugin-sdk';
import { ingestRun } from '../../../testing/ingest-run.js';
import { ParseStep } from './parse.step.js';

const parsed: ParsedEvent = {
  status: 'firing',
  alertKey: 'k1',
  title: 'Disk full',
  labels: { severity: 'critical' },
  raw: {},
};

describe('ParseStep', () => {
  it("puts the plugin's events, severity mapped, on the run; the same in a preview", () => {
    for (const mode of ['run', 'preview'] as const) {
      const run = ingestRun({
        plugin: {
          parse: () => [parsed],
          severityMap: {
            fields: ['labels.severity'],
            values: { critical: 'Critical' },
            default: 'Info',
          },
        },
      });
      new ParseStep()[mode](run);
      expect(run.events.map(({ alertKey, severity }) => ({ alertKey, severity }))).toEqual([
        { alertKey: 'k1', severity: 'Critical' },
      ]);
    }
  });

  it("keeps the plugin's note for the push log", () => {
    const run = ingestRun({
      plugin: {
        parse: (_body, context) => {
          context.note('a test notification: nothing changed');
          return [];
        },
      },
    });
    new ParseStep().run(run);
    expect(run.note).toBe('a test notification: nothing changed');
  });
});
