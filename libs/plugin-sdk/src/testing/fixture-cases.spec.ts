import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadFixtureCases, orphanExpectedFiles } from './fixture-cases.js';

const dir = mkdtempSync(join(tmpdir(), 'alert-hub-fixtures-'));
writeFileSync(join(dir, 'b-firing.json'), '{"alerts": []}');
writeFileSync(join(dir, 'b-firing.expected.json'), '[]');
writeFileSync(join(dir, 'a-new.json'), '{"alerts": [1]}');
writeFileSync(join(dir, 'renamed.expected.json'), '[]');
writeFileSync(join(dir, 'notes.txt'), 'not a fixture');

afterAll(() => rmSync(dir, { recursive: true }));

describe('loadFixtureCases', () => {
  it('pairs each fixture with its expected events, sorted by name', () => {
    expect(loadFixtureCases(dir)).toEqual([
      {
        name: 'a-new',
        bodyFile: join(dir, 'a-new.json'),
        expectedFile: join(dir, 'a-new.expected.json'),
        body: { alerts: [1] },
        expected: undefined,
      },
      {
        name: 'b-firing',
        bodyFile: join(dir, 'b-firing.json'),
        expectedFile: join(dir, 'b-firing.expected.json'),
        body: { alerts: [] },
        expected: [],
      },
    ]);
  });
});

describe('orphanExpectedFiles', () => {
  it('names expected files that have no fixture', () => {
    expect(orphanExpectedFiles(dir)).toEqual(['renamed.expected.json']);
  });
});
