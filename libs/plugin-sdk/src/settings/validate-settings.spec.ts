import { describe, expect, it } from '@jest/globals';
import type { PluginSetting } from './plugin-setting.js';
import { validateSettings } from './validate-settings.js';

const SCHEMA: PluginSetting[] = [
  { name: 'secret', kind: 'secret', description: 'signing secret', required: true },
  { name: 'timezone', kind: 'timezone', description: 'zone of local times', default: 'UTC' },
  { name: 'verify', kind: 'boolean', description: 'check signatures', default: true },
  { name: 'maxAge', kind: 'number', description: 'seconds' },
  { name: 'header', kind: 'string', description: 'header name' },
];

describe('validateSettings', () => {
  it('applies defaults to what is left out', () => {
    expect(validateSettings(SCHEMA, { secret: 's3cret' })).toEqual({
      valid: true,
      values: { secret: 's3cret', timezone: 'UTC', verify: true },
    });
  });

  it('keeps values of each kind', () => {
    const input = {
      secret: 's',
      timezone: 'Asia/Shanghai',
      verify: false,
      maxAge: 60,
      header: 'X-Sig',
    };
    expect(validateSettings(SCHEMA, input)).toEqual({ valid: true, values: input });
  });

  it('names every setting that is wrong, and what it must be', () => {
    const result = validateSettings(SCHEMA, {
      timezone: 'Mars/Olympus',
      verify: 'yes',
      maxAge: '60',
      header: '',
      colour: 'red',
    });
    expect(result).toEqual({
      valid: false,
      problems: [
        'colour is not a setting of this plugin (settings: secret, timezone, verify, maxAge, header)',
        'secret is required',
        'timezone must be an IANA time zone such as Europe/Paris',
        'verify must be true or false',
        'maxAge must be a number',
        'header must be a non-empty string',
      ],
    });
  });

  it('treats null as left out, so a change can clear a setting', () => {
    expect(validateSettings(SCHEMA, { secret: 's', header: null, verify: null })).toEqual({
      valid: true,
      values: { secret: 's', timezone: 'UTC', verify: true },
    });
  });

  it('refuses every setting of a plugin that declares none', () => {
    expect(validateSettings([], { secret: 's' })).toEqual({
      valid: false,
      problems: ['secret is not a setting of this plugin (settings: none)'],
    });
  });

  it('checks a mapping with the mapping language, naming each problem by its field', () => {
    const schema: PluginSetting[] = [
      { name: 'mapping', kind: 'mapping', description: 'how to read' },
    ];
    const mapping = { alertKey: '$.id', title: '{{ $.name }}' };
    expect(validateSettings(schema, { mapping })).toEqual({ valid: true, values: { mapping } });
    expect(validateSettings(schema, { mapping: { alertKey: 'id', title: 't' } })).toEqual({
      valid: false,
      problems: [
        'mapping.alertKey: expected a path starting with $ (the item) or $$ (the whole body) at character 1',
      ],
    });
    expect(validateSettings(schema, {})).toEqual({ valid: true, values: {} });
  });
});
