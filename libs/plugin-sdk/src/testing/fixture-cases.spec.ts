import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { fixtureParseContext, loadFixtureCases, orphanExpectedFiles } from './fixture-cases.js';

const dir = mkdtempSync(join(tmpdir(), 'alert-hub-fixtures-'));
writeFileSync(join(dir, 'b-firing.json'), '{"alerts": []}');
writeFileSync(join(dir, 'b-firing.expected.json'), '[]');
writeFileSync(join(dir, 'a-new.json'), '{"alerts": [1]}');
writeFileSync(join(dir, 'renamed.expected.json'), '[]');
writeFileSync(join(dir, 'notes.txt'), 'not a fixture');
writeFileSync(
  join(dir, 'c-form.form.txt'),
  'state=ALERT&name=%E5%86%85%E5%AD%98+high&tag=a&tag=b\n',
);
writeFileSync(join(dir, 'c-form.expected.json'), '[]');
writeFileSync(join(dir, 'e-text.plain.txt'), '{"Type": "Notification"}\n');
writeFileSync(join(dir, 'e-text.expected.json'), '[]');
writeFileSync(join(dir, 'gone.form.expected.json'), '[]');
writeFileSync(join(dir, 'd-confirm.json'), '{"Type": "SubscriptionConfirmation"}');
writeFileSync(
  join(dir, 'd-confirm.handshake.json'),
  '{"confirmUrl": "https://sns.test/confirm", "messageId": "m1", "description": "a topic"}',
);
writeFileSync(
  join(dir, 'd-confirm.settings.json'),
  '{"settings": {"verifySignatures": false}, "why": "a real message, not verifiable offline"}',
);
writeFileSync(join(dir, 'gone.handshake.json'), '{}');
writeFileSync(join(dir, 'gone.settings.json'), '{}');

afterAll(() => rmSync(dir, { recursive: true }));

describe('loadFixtureCases', () => {
  it('pairs each fixture with its expected events, sorted by name', () => {
    expect(loadFixtureCases(dir)).toEqual([
      {
        name: 'a-new',
        bodyFile: join(dir, 'a-new.json'),
        expectedFile: join(dir, 'a-new.expected.json'),
        handshakeFile: join(dir, 'a-new.handshake.json'),
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
        handshakeFile: join(dir, 'b-firing.handshake.json'),
        contentType: 'application/json',
        bodyText: '{"alerts": []}',
        body: { alerts: [] },
        settings: {},
        expected: [],
      },
      {
        name: 'c-form',
        bodyFile: join(dir, 'c-form.form.txt'),
        expectedFile: join(dir, 'c-form.expected.json'),
        handshakeFile: join(dir, 'c-form.handshake.json'),
        contentType: 'application/x-www-form-urlencoded',
        bodyText: 'state=ALERT&name=%E5%86%85%E5%AD%98+high&tag=a&tag=b',
        body: { state: 'ALERT', name: '内存 high', tag: ['a', 'b'] },
        settings: {},
        expected: [],
      },
      {
        name: 'd-confirm',
        bodyFile: join(dir, 'd-confirm.json'),
        expectedFile: join(dir, 'd-confirm.expected.json'),
        handshakeFile: join(dir, 'd-confirm.handshake.json'),
        contentType: 'application/json',
        bodyText: '{"Type": "SubscriptionConfirmation"}',
        body: { Type: 'SubscriptionConfirmation' },
        settings: { verifySignatures: false },
        expected: undefined,
        handshake: {
          confirmUrl: 'https://sns.test/confirm',
          messageId: 'm1',
          description: 'a topic',
        },
      },
      {
        name: 'e-text',
        bodyFile: join(dir, 'e-text.plain.txt'),
        expectedFile: join(dir, 'e-text.expected.json'),
        handshakeFile: join(dir, 'e-text.handshake.json'),
        contentType: 'text/plain',
        bodyText: '{"Type": "Notification"}',
        body: '{"Type": "Notification"}',
        settings: {},
        expected: [],
      },
    ]);
  });

  it('gives a form body as a plain object, as a JSON body would be', () => {
    const form = loadFixtureCases(dir).find(({ name }) => name === 'c-form');
    expect(Object.getPrototypeOf(form?.body)).toBe(Object.prototype);
  });
});

describe('orphanExpectedFiles', () => {
  it('names expected, handshake and settings files that have no fixture', () => {
    expect(orphanExpectedFiles(dir)).toEqual([
      'gone.form.expected.json',
      'gone.handshake.json',
      'gone.settings.json',
      'renamed.expected.json',
    ]);
  });
});

describe('fixtureParseContext', () => {
  it('keeps the notes a plugin writes, and the settings it is given', () => {
    const context = fixtureParseContext({ timezone: 'UTC' });
    context.note('a test notification');
    context.note('stored nothing');
    expect(context.notes).toEqual(['a test notification', 'stored nothing']);
    expect(context.settings).toEqual({ timezone: 'UTC' });
  });
});
