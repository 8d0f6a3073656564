import { describe, expect, it } from '@jest/globals';
import { MappingError } from '@alert-hub/plugin-sdk';
import { fixtureParseContext } from '@alert-hub/plugin-sdk/testing';
import { parseMappedWebhook } from './webhook.parser.js';

describe('parseMappedWebhook', () => {
  it('refuses every push of an integration that has no mapping yet, saying how to set one', () => {
    const parse = () => parseMappedWebhook({ any: 'thing' }, fixtureParseContext());
    expect(parse).toThrow(MappingError);
    expect(parse).toThrow('this integration has no mapping yet');
  });

  it("reads a push with the integration's mapping", () => {
    const context = fixtureParseContext({
      mapping: { alertKey: '$.job', title: '{{ $.job }} failed' },
    });
    expect(parseMappedWebhook({ job: 'backup' }, context)).toMatchObject([
      { status: 'firing', title: 'backup failed', labels: {} },
    ]);
  });
});
