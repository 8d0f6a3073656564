import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadFixtureCases, orphanExpectedFiles } from './fixture-cases.js';

const dir = mkdtempSync(join(tmpdir(), 'alert-hub-fixtures-'));
writeFileSync(join(dir, 'b-firing.json'), '{"alerts": []}');
writeFileSync(join(dir, 'b-firing.expected.json'), '[]');
writeFileSync(
  join(dir, 'b-firing.settings.json'),
  '{"settings": {"timezone": "Asia/Shanghai"}, "why": "its times are local"}',
);
writeFileSync(join(dir, 'a-new.json'), '{"alerts": [1]}');
writeFileSync(join(dir, 'renamed.expected.json'), '[]');
writeFileSync(join(dir, 'notes.txt'), 'not a fixture');
writeFileSync(
  join(dir, 'c-form.form.txt'),
  'state=ALERT&name=%E5%86%85%E5%AD%98+high&tag=a&tag=b\n',
);
writeFileSync(join(dir, 'c-form.expected.json'), '[]');
writeFileSync(join(dir, 'gone.form.expected.json'), '[]');

afterAll(() => rmSync(dir, { recursive: true }));

describe('loadFixtureCases', () => {
  it('pairs each fixture with its expected events, sorted by name', () => {
    expect(loadFixtureCases(dir)).toEqual([
      {
        name: 'a-new',
        bodyFile: join(dir, 'a-new.json'),
        expectedFile: join(dir, 'a-new.expected.json'),
        contentType: 'application/json',
        bodyText: '{"alerts": [1]}',
        body: { alerts: [1] },
        settings: {},
        expected: undefined,
      },
      {
        name: 'b-firing',
        bodyFile: join(dir, 'b-firing.json'),
        expectedFile: join(dir, 'b-firing.expected.json'),
        contentType: 'application/json',
        bodyText: '{"alerts": []}',
        body: { alerts: [] },
        settings: { timezone: 'Asia/Shanghai' },
        expected: [],
      },
      {
        name: 'c-form',
        bodyFile: join(dir, 'c-form.form.txt'),
        expectedFile: join(dir, 'c-form.expected.json'),
        contentType: 'application/x-www-form-urlencoded',
        bodyText: 'state=ALERT&name=%E5%86%85%E5%AD%98+high&tag=a&tag=b',
        body: { state: 'ALERT', name: '内存 high', tag: ['a', 'b'] },
        settings: {},
        expected: [],
      },
    ]);
  });

  it('refuses a settings file that does not say why the fixture needs them', () => {
    const other = mkdtempSync(join(tmpdir(), 'alert-hub-fixtures-'));
    try {
      writeFileSync(join(other, 'x.json'), '{}');
      writeFileSync(join(other, 'x.settings.json'), '{"settings": {"timezone": "UTC"}}');
      expect(() => loadFixtureCases(other)).toThrow('must hold {"settings": {…}, "why": "…"}');
    } finally {
      rmSync(other, { recursive: true });
    }
  });

  it('gives a form body as a plain object, as a JSON body would be', () => {
    const form = loadFixtureCases(dir).find(({ name }) => name === 'c-form');
    expect(Object.getPrototypeOf(form?.body)).toBe(Object.prototype);
  });
});

describe('orphanExpectedFiles', () => {
  it('names expected files that have no fixture', () => {
    expect(orphanExpectedFiles(dir)).toEqual(['gone.form.expected.json', 'renamed.expected.json']);
  });
});
